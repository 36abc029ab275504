// An email's HTML made safe to show inside the app (issue #18): DOMPurify with nothing that runs and nothing that
// loads from the network. Scripts, forms, styles sheets, frames and objects go; images keep only what the email
// carries itself (its inline cid: images, as data: URLs) and lose any http(s) source or srcset; inline styles that
// fetch anything (url(), image-set(), @import) go; links keep only https, http and mailto, and open outside the app.
// The Content-Security-Policy forbids remote loads as well; this does not lean on it.
import DOMPurify from 'dompurify';
import { withoutEventHandlers } from './event-attributes';

const purify = DOMPurify(window);

/** The inline images of the email being sanitised: Content-ID → data: URL. */
let inlineImages = new Map<string, string>();

const FETCHING_STYLE = /url\s*\(|image-set\s*\(|expression\s*\(|@import|behavior\s*:/i;

purify.addHook('uponSanitizeAttribute', (_node, data) => {
  if (data.attrName === 'style' && FETCHING_STYLE.test(data.attrValue)) data.keepAttr = false;
});

purify.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName === 'IMG') {
    const src = node.getAttribute('src') ?? '';
    const cid = /^cid:(.+)$/i.exec(src)?.[1];
    const own = cid ? inlineImages.get(decodeURIComponent(cid).replace(/^<|>$/g, '')) : undefined;
    if (own) node.setAttribute('src', own);
    else if (!/^data:image\//i.test(src)) {
      node.removeAttribute('src');
      node.setAttribute('data-blocked', 'remote image not loaded');
    }
  }
  if (node.tagName === 'A') {
    const href = node.getAttribute('href') ?? '';
    if (!/^(https?:|mailto:)/i.test(href)) node.removeAttribute('href');
    else {
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer');
    }
  }
});

/**
 * The HTML of an email, sanitised: safe to put in the page. `images` maps the email's inline images' Content-IDs
 * to data: URLs.
 */
export function sanitiseEmailHtml(html: string, images: Map<string, string> = new Map()): string {
  inlineImages = images;
  try {
    return purify.sanitize(withoutEventHandlers(html), {
      FORBID_TAGS: [
        'style',
        'link',
        'meta',
        'base',
        'form',
        'input',
        'button',
        'select',
        'option',
        'textarea',
        'iframe',
        'frame',
        'frameset',
        'object',
        'embed',
        'applet',
        'audio',
        'video',
        'source',
        'track',
        'picture',
        'svg',
        'math',
        'title',
      ],
      FORBID_ATTR: ['srcset', 'background', 'poster', 'action', 'formaction', 'ping', 'lowsrc', 'dynsrc', 'longdesc'],
      ALLOW_DATA_ATTR: false,
    });
  } finally {
    inlineImages = new Map();
  }
}
