// An email's HTML with its inline event handlers (onerror=, onclick=…) taken out of every tag before any DOM parses
// it. Chromium reports a Content-Security-Policy violation for an inline handler the moment a parser sets one on an
// element, even in an inert document (DOMParser, <template>) where it can never run: each hostile email would
// otherwise fill the console and the desk's log with "script-src-attr blocked". DOMPurify still sanitises everything
// afterwards, so this pass only has to be good, not perfect: a tag it misreads keeps its handler for DOMPurify to
// remove (and the CSP to block).

/** A start tag: its name, then attributes with double-, single- or un-quoted values (a quoted value may hold `>`). */
const START_TAG = /<[a-zA-Z][^\s/>]*(?:\s+[^\s/>"'=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*\s*\/?>/g;

/** One attribute inside a start tag, with the white space before it. */
const ATTRIBUTE = /(\s+)([^\s/>"'=]+)(\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?/g;

/** The HTML with every `on…` attribute removed from its start tags; text and every other attribute kept as written. */
export function withoutEventHandlers(html: string): string {
  return html.replace(START_TAG, (tag) =>
    tag.replace(ATTRIBUTE, (whole: string, _space: string, name: string) => (/^on/i.test(name) ? '' : whole)),
  );
}
