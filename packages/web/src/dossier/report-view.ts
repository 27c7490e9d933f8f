/**
 * Shows the report HTML that core renders for `lowprofile audit` inside the app, under the app's
 * strict CSP (no inline styles or scripts). Before parsing, the report's <style> blocks are taken
 * out and its `style` attributes renamed (the renderer escapes all text, so these patterns only
 * occur as real markup); the markup is then parsed inertly, scripts, frames and event-handler
 * attributes are dropped (the renderer writes none: this is defence in depth), the CSS becomes a
 * constructed stylesheet on a shadow root (so it cannot leak into the app), and the inline styles
 * are re-applied through the CSSOM, which CSP allows.
 */
const STYLE_ATTRIBUTE = 'data-report-style';

export function showReport(host: HTMLElement, html: string): void {
  const cssBlocks: string[] = [];
  const markup = html
    .replace(/<style\b[^>]*>([\s\S]*?)<\/style>/gi, (_whole, css: string) => {
      cssBlocks.push(css);
      return '';
    })
    .replace(/(<[a-zA-Z][^<>]*?\s)style="/g, `$1${STYLE_ATTRIBUTE}="`);
  const parsed = new DOMParser().parseFromString(markup, 'text/html');
  for (const element of Array.from(parsed.querySelectorAll('script, iframe, object, embed, link, meta, base, style'))) element.remove();
  for (const element of Array.from(parsed.body.querySelectorAll('*'))) {
    for (const attribute of Array.from(element.attributes)) {
      if (/^on/i.test(attribute.name) || (/^(href|src|xlink:href|action|formaction)$/i.test(attribute.name) && !attribute.value.startsWith('#'))) element.removeAttribute(attribute.name);
    }
  }

  const sheet = new CSSStyleSheet();
  // The report styles a whole page; inside a shadow root the page is the host.
  sheet.replaceSync(cssBlocks.join('\n').replace(/:root\b/g, ':host').replace(/(^|[{}\s,])(html|body)(?=\s*[{,])/g, '$1:host'));
  const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  root.adoptedStyleSheets = [sheet];
  root.replaceChildren(...Array.from(parsed.body.childNodes).map((node) => document.importNode(node, true)));
  for (const element of Array.from(root.querySelectorAll(`[${STYLE_ATTRIBUTE}]`))) {
    if (element instanceof HTMLElement || element instanceof SVGElement) element.style.cssText = element.getAttribute(STYLE_ATTRIBUTE) ?? '';
    element.removeAttribute(STYLE_ATTRIBUTE);
  }
}
