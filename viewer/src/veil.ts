// A sigma custom layer that dims everything drawn below it: a translucent full-screen quad in the background
// colour, so emphasising a neighbourhood costs a state change on its few items, not on the whole graph.

export interface Veil {
  /** The sigma custom-layer factory to register at the `veil` depth. */
  factory(gl: WebGL2RenderingContext): { render(): void; kill(): void };
  setActive(active: boolean): void;
  isActive(): boolean;
}

const VERTEX = `#version 300 es
in vec2 a_position;
void main() { gl_Position = vec4(a_position, 0.0, 1.0); }
`;

const FRAGMENT = `#version 300 es
precision mediump float;
uniform vec4 u_color;
out vec4 fragColor;
void main() { fragColor = u_color; }
`;

function compile(gl: WebGL2RenderingContext, type: number, source: string): WebGLShader {
  const shader = gl.createShader(type);
  if (shader === null) throw new Error('veil: cannot create a shader');
  gl.shaderSource(shader, source);
  gl.compileShader(shader);
  if (!gl.getShaderParameter(shader, gl.COMPILE_STATUS)) throw new Error(`veil: ${gl.getShaderInfoLog(shader) ?? 'shader error'}`);
  return shader;
}

/** `color` is `#rrggbb`; `alpha` how strongly the rest is dimmed (0..1). */
export function createVeil(color: string, alpha: number): Veil {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color);
  const [r, g, b] = match === null ? [1, 1, 1] : [1, 2, 3].map((i) => parseInt(match[i]!, 16) / 255);
  let active = false;
  return {
    setActive(next) {
      active = next;
    },
    isActive: () => active,
    factory(gl) {
      const vertex = compile(gl, gl.VERTEX_SHADER, VERTEX);
      const fragment = compile(gl, gl.FRAGMENT_SHADER, FRAGMENT);
      const program = gl.createProgram();
      gl.attachShader(program, vertex);
      gl.attachShader(program, fragment);
      gl.linkProgram(program);
      if (!gl.getProgramParameter(program, gl.LINK_STATUS)) throw new Error(`veil: ${gl.getProgramInfoLog(program) ?? 'link error'}`);
      const colorLocation = gl.getUniformLocation(program, 'u_color');
      const buffer = gl.createBuffer();
      const vao = gl.createVertexArray();
      const previousVao = gl.getParameter(gl.VERTEX_ARRAY_BINDING) as WebGLVertexArrayObject | null;
      const previousBuffer = gl.getParameter(gl.ARRAY_BUFFER_BINDING) as WebGLBuffer | null;
      gl.bindVertexArray(vao);
      gl.bindBuffer(gl.ARRAY_BUFFER, buffer);
      // One triangle that covers the whole clip space.
      gl.bufferData(gl.ARRAY_BUFFER, new Float32Array([-1, -1, 3, -1, -1, 3]), gl.STATIC_DRAW);
      const position = gl.getAttribLocation(program, 'a_position');
      gl.enableVertexAttribArray(position);
      gl.vertexAttribPointer(position, 2, gl.FLOAT, false, 0, 0);
      gl.bindVertexArray(previousVao);
      gl.bindBuffer(gl.ARRAY_BUFFER, previousBuffer);

      return {
        render() {
          if (!active) return;
          const previousProgram = gl.getParameter(gl.CURRENT_PROGRAM) as WebGLProgram | null;
          const previousArray = gl.getParameter(gl.VERTEX_ARRAY_BINDING) as WebGLVertexArrayObject | null;
          const depthTest = gl.isEnabled(gl.DEPTH_TEST);
          const blend = gl.isEnabled(gl.BLEND);
          gl.disable(gl.DEPTH_TEST);
          gl.enable(gl.BLEND);
          // Sigma blends premultiplied colours (ONE, ONE_MINUS_SRC_ALPHA).
          gl.blendFunc(gl.ONE, gl.ONE_MINUS_SRC_ALPHA);
          gl.useProgram(program);
          gl.bindVertexArray(vao);
          gl.uniform4f(colorLocation, r! * alpha, g! * alpha, b! * alpha, alpha);
          gl.drawArrays(gl.TRIANGLES, 0, 3);
          gl.bindVertexArray(previousArray);
          gl.useProgram(previousProgram);
          if (depthTest) gl.enable(gl.DEPTH_TEST);
          if (!blend) gl.disable(gl.BLEND);
        },
        kill() {
          gl.deleteVertexArray(vao);
          gl.deleteBuffer(buffer);
          gl.deleteProgram(program);
          gl.deleteShader(vertex);
          gl.deleteShader(fragment);
        },
      };
    },
  };
}
