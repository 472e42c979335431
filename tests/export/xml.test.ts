// The hardened XML reader: what it decodes, and what it refuses (XXE, billion laughs, deep nesting, malformed input).
import { describe, expect, it } from 'vitest';
import { KgError } from '../../src/errors.js';
import { parseXml } from '../../src/export/xml.js';

function refusal(text: string, limits = {}): KgError {
  try {
    parseXml(text, 'input.xml', limits);
  } catch (e) {
    if (e instanceof KgError) return e;
    throw e;
  }
  throw new Error('expected the input to be refused');
}

const XXE = `<?xml version="1.0"?>
<!DOCTYPE gexf [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
<gexf version="1.3"><meta><creator>&xxe;</creator></meta><graph/></gexf>`;

const LOL = '<!ENTITY lol "lol">' + Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('');
const BILLION_LAUGHS = `<?xml version="1.0"?>\n<!DOCTYPE lolz [${LOL}]>\n<lolz>&lol9;</lolz>`;

describe('parseXml', () => {
  it('decodes the predefined entities and character references, keeps CDATA verbatim', () => {
    const root = parseXml(
      '<?xml version="1.0"?>\n<!-- hi -->\n<a:r xmlns:a="urn:x" v="&lt;&amp;&gt;&quot;&apos;&#233;&#x1F600;"><b>x &amp; y<![CDATA[<&amp;>]]></b></a:r>',
      'x.xml',
    );
    expect(root.name).toBe('r');
    expect(root.attributes.get('v')).toBe('<&>"\'é😀');
    expect(root.children[0].text).toBe('x & y<&amp;>');
  });

  it('normalises attribute white space as XML requires, and keeps it where references ask for it', () => {
    const root = parseXml('<r v="a\nb\tc\r\nd" w="a&#10;b&#9;c&#13;d"/>', 'x.xml');
    expect(root.attributes.get('v')).toBe('a b c d');
    expect(root.attributes.get('w')).toBe('a\nb\tc\rd');
  });

  it('keeps text content exactly, line ends normalised to LF', () => {
    const root = parseXml('<r><d>  two\r\nlines  </d></r>', 'x.xml');
    expect(root.children[0].text).toBe('  two\nlines  ');
  });

  it('accepts a DOCTYPE that only names an external DTD, without fetching it', () => {
    const root = parseXml('<!DOCTYPE graphml SYSTEM "http://example.invalid/graphml.dtd">\n<graphml/>', 'x.xml');
    expect(root.name).toBe('graphml');
  });

  it.each([
    ['an external entity (XXE)', XXE, 'the DOCTYPE declares entities'],
    ['billion laughs', BILLION_LAUGHS, 'the DOCTYPE declares entities'],
    ['a parameter entity', '<!DOCTYPE r [<!ENTITY % p SYSTEM "http://x/">%p;]><r/>', 'the DOCTYPE declares entities'],
    ['any other internal DTD subset', '<!DOCTYPE r [<!ELEMENT r ANY>]><r/>', 'DTD internal subsets are not supported'],
    ['an undefined entity', '<r>&nbsp;</r>', 'undefined entity &nbsp;'],
    ['an external entity used without a declaration', '<r>&xxe;</r>', 'undefined entity &xxe;'],
    ['a bare ampersand', '<r v="a & b"/>', '"&" that does not start a reference'],
    ['"<" in an attribute', '<r v="a < b"/>', '"<" in the value of attribute "v"'],
    ['a reference to a forbidden character', '<r>&#0;</r>', 'invalid character reference &#0;'],
    ['a forbidden control character', '<r>\u0001</r>', 'character U+0001 is not allowed'],
    ['an unclosed element', '<r><a></r>', "Expected closing tag 'a'"],
    ['two root elements', '<a/><b/>', 'not valid XML'],
    ['no root element', '<?xml version="1.0"?>', 'not valid XML'],
    ['text outside the root', '<r/>junk', 'not valid XML'],
    ['deep nesting', `${'<a>'.repeat(65)}${'</a>'.repeat(65)}`, 'nested deeper than 64 levels'],
    ['very deep nesting', `${'<a>'.repeat(200000)}${'</a>'.repeat(200000)}`, 'nested deeper than 64 levels'],
  ])('refuses %s', (_name, text, message) => {
    const error = refusal(text);
    expect(error.where).toBe('input.xml');
    expect(error.message).toContain(message);
    expect(error.message).not.toContain('\n');
  });

  it('refuses billion laughs at once rather than expanding it', () => {
    const started = performance.now();
    refusal(BILLION_LAUGHS);
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('refuses input over the size limit', () => {
    const error = refusal(`<r>${'x'.repeat(100)}</r>`, { maxChars: 50 });
    expect(error.code).toBe('INPUT_TOO_LARGE');
    expect(error.message).toContain('the limit is 50');
  });
});
