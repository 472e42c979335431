export interface ServeViewerOptions {
    /** The graph file served at `/graph.json` (read again on every request). */
    graphPath: string;
    /** Address to bind; loopback by default so the graph is not exposed to the network. */
    host?: string;
    /** 0 or undefined: an unused port chosen by the OS. */
    port?: number;
    /** The built viewer (`vite build viewer`); defaults to `viewer/dist` of this package. */
    viewerDir?: string;
}
export interface ViewerServer {
    /** Base URL of the viewer, ending in `/`. */
    url: string;
    close(): Promise<void>;
}
/** Sent with every response. The viewer needs no inline code, no remote origin and no eval. */
export declare const VIEWER_CSP: string;
/** Serves the viewer and the graph until `close()` is called. */
export declare function serveViewer(options: ServeViewerOptions): Promise<ViewerServer>;
