import path from 'node:path';
import { acceptsHtml, fileInside } from './portal-static.js';

describe('acceptsHtml', () => {
  it.each([
    [undefined, true],
    ['text/html,application/xhtml+xml,*/*;q=0.8', true],
    ['*/*', true],
    ['text/*', true],
    ['application/json', false],
    ['application/json, text/html;q=0', false],
    ['text/event-stream', false],
  ])('%s → %s', (accept, expected) => {
    expect(acceptsHtml(accept)).toBe(expected);
  });
});

describe('fileInside', () => {
  const root = path.resolve('/srv/portal');
  it('maps a URL path to a file under the root', () => {
    expect(fileInside(root, '/assets/index-1.js')).toBe(path.join(root, 'assets', 'index-1.js'));
    expect(fileInside(root, '/a%20b.txt')).toBe(path.join(root, 'a b.txt'));
  });
  it.each(['/', '/../etc/passwd', '/%2e%2e/etc/passwd', '/..%2fetc', '/.env', '/assets/.hidden', '/a%00b', '/%E0%A4%A', '/a%5c..%5c..%5cx'])('refuses %s', (urlPath) => {
    expect(fileInside(root, urlPath)).toBeUndefined();
  });
});
