/**
 * The dossier as ONE self-contained HTML file: inline CSS and SVG, no script, no external fonts,
 * images or requests of any kind (a Content-Security-Policy forbids them too). Pure function: the
 * web app can call it as it is.
 */
import type { Ring } from '../geo/basemap.js';
import { reasonText } from './build.js';
import type { DossierReport, EvidenceItem } from './model.js';
import { strings, type Strings } from './strings.js';
import { esc, graphSvg, heatmapSvg, mapSvg, markerLabel, ROLE_COLOUR } from './svg.js';

export interface HtmlOptions {
  /** Land/country rings for the detail map and the overview inset (world-atlas 50m / 110m). */
  readonly basemap?: { readonly detail?: readonly Ring[]; readonly overview?: readonly Ring[] };
}

const CSS = `
:root{--ink:#111827;--muted:#4b5563;--line:#e5e7eb;--bg:#f7f7f5;--card:#fff;--home:#c0392b;--work:#1f6fb2;--warn:#b45309}
*{box-sizing:border-box}body{margin:0;background:var(--bg);color:var(--ink);font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif}
main{max-width:980px;margin:0 auto;padding:24px 20px 60px}
header h1{font-size:28px;line-height:1.2;margin:8px 0 6px}header p{margin:4px 0;color:var(--muted)}
.private{display:inline-block;background:#111827;color:#fff;border-radius:999px;padding:4px 12px;font-size:13px}
section{background:var(--card);border:1px solid var(--line);border-radius:14px;padding:20px 22px;margin:18px 0}
h2{font-size:21px;margin:0 0 12px}h3{font-size:17px;margin:0 0 6px}
.summary{border:2px solid var(--ink)}.summary .headline{font-size:20px;font-weight:650;margin:0 0 10px}
.summary ul{margin:0;padding-left:20px}.summary li{margin:4px 0}
.finding{border-top:1px solid var(--line);padding:14px 0}.finding:first-of-type{border-top:0}
.num{display:inline-flex;align-items:center;justify-content:center;width:28px;height:28px;border-radius:50%;background:var(--ink);color:#fff;font-weight:700;font-size:14px;margin-right:8px}
.conf{display:inline-block;font-size:13px;border-radius:999px;padding:1px 10px;margin-left:6px;background:#eef2ff}
.conf.high{background:#fde8e6;color:#8e1e12}.conf.med{background:#fff4e0;color:#7a4a00}.conf.low{background:#eef0f3;color:#374151}
.meter{height:8px;background:#eef0f3;border-radius:6px;overflow:hidden;max-width:240px;margin:6px 0}.meter span{display:block;height:100%;background:var(--ink)}
table{border-collapse:collapse;width:100%;font-size:13px;margin-top:8px}th,td{text-align:left;padding:5px 8px;border-bottom:1px solid var(--line);vertical-align:top}th{color:var(--muted);font-weight:600}
td.file{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12px;word-break:break-all}
details summary{cursor:pointer;color:var(--muted);font-size:14px;margin-top:6px}
.note,.src{color:var(--muted);font-size:13px}.src{font-style:italic}
svg{width:100%;height:auto;display:block}svg text{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif}
.legend span{display:inline-flex;align-items:center;margin-right:14px;font-size:14px}.legend i{width:14px;height:14px;border-radius:50%;display:inline-block;margin-right:6px}
.heats{display:grid;grid-template-columns:1fr;gap:14px}
.plan ol{padding-left:0;list-style:none;margin:0}.plan li{border:1px solid var(--line);border-radius:12px;padding:12px 14px;margin:10px 0;display:grid;grid-template-columns:44px 1fr;gap:10px}
.plan .rank{font-size:22px;font-weight:800;color:var(--home)}.impact{display:flex;align-items:center;gap:8px;font-size:13px;color:var(--muted)}.impact .meter{flex:0 0 160px;margin:0}.impact .meter span{background:var(--home)}
.post{border-left:4px solid var(--warn);padding:6px 12px;margin:10px 0;background:#fffbeb;border-radius:0 8px 8px 0}.post blockquote{margin:4px 0;font-size:15px}
.tags span{display:inline-block;background:#fde68a;border-radius:6px;padding:0 6px;margin:2px 4px 2px 0;font-size:12px}
.unknown li{margin:6px 0}
.unique{margin:14px 0 0;padding:10px 14px;background:#fdecea;border-radius:10px;font-size:15px}
@media print{body{background:#fff}section{break-inside:avoid}}
`;

function confClass(c: number): string {
  return c >= 0.75 ? 'high' : c >= 0.45 ? 'med' : 'low';
}

function fmtDate(iso: string | undefined): string {
  return iso === undefined ? '' : iso.slice(0, 16).replace('T', ' ');
}

function evidenceTable(items: readonly EvidenceItem[], total: number, s: Strings, open = items.length <= 4): string {
  if (items.length === 0) return '';
  const rows = items.map((e) => `<tr><td>${esc(e.localTime ? `${e.localTime} (local)` : fmtDate(e.time) + (e.timeIsLocal ? ' (local)' : e.time ? ' UTC' : ''))}</td><td class="file">${esc([e.archive, e.file].filter(Boolean).join(' › '))}</td><td class="file">${esc(e.itemId ?? '')}</td><td>${esc([e.note, e.text ? `“${e.text}”` : undefined].filter(Boolean).join(' — '))}</td></tr>`).join('');
  return `<details${open ? ' open' : ''}><summary>${esc(s.evidence)} (${items.length}${total > items.length ? ` / ${total}` : ''})</summary><table><thead><tr><th>${esc(s.columns.when)}</th><th>${esc(s.columns.source)}</th><th>${esc(s.columns.item)}</th><th>${esc(s.columns.detail)}</th></tr></thead><tbody>${rows}</tbody></table>${total > items.length ? `<p class="note">${esc(s.evidenceMore(items.length, total))}</p>` : ''}</details>`;
}

export function renderReportHtml(report: DossierReport, options: HtmlOptions = {}): string {
  const s = strings(report.language);
  const period = report.period ? `${report.period.from.slice(0, 10)} – ${report.period.to.slice(0, 10)}` : undefined;
  const parts: string[] = [];
  parts.push(`<header><span class="private">${esc(s.privacyNote)}</span><h1>${esc(s.title)}</h1><p>${esc(s.generated(report.generatedAt.slice(0, 10), period))}</p></header>`);

  // Executive summary
  parts.push(`<section class="summary" id="summary"><h2>${esc(s.headings.summary)}</h2><p class="headline">${esc(report.summary.headline)}</p><ul>${report.summary.points.map((p) => `<li>${esc(p)}</li>`).join('')}</ul>`
    + (report.uniqueness.statements.length > 0 ? `<p class="unique">${esc(report.uniqueness.statements[0]?.text ?? '')} <span class="src">${esc(report.uniqueness.statements[0]?.source ?? '')}</span></p>` : '')
    + `</section>`);

  // Map
  if (report.places.length > 0) {
    const legend = report.places.map((p) => `<span><i style="background:${ROLE_COLOUR[p.role]}"></i>${esc(markerLabel(p))} ${esc(s.roles[p.role])}${p.near ? ` · ${esc(p.near.name)}` : ''} · ${Math.round(p.confidence * 100)}%</span>`).join('');
    parts.push(`<section id="map"><h2>${esc(s.headings.map)}</h2>${mapSvg(report.places, s, options.basemap)}<p class="legend">${legend}</p></section>`);
  }

  // Findings
  if (report.findings.length > 0) {
    const items = report.findings.map((f) => `<article class="finding" id="finding-${f.n}"><h3><span class="num">${f.n}</span>${esc(f.title)}${f.confidence !== undefined ? `<span class="conf ${confClass(f.confidence)}">${esc(s.confidence(f.confidence))}</span>` : ''}</h3>`
      + (f.confidence !== undefined ? `<div class="meter"><span style="width:${Math.round(f.confidence * 100)}%"></span></div>` : '')
      + `<p>${esc(f.text)}</p>${f.sources ? `<p class="src">${esc(f.sources.join(' · '))}</p>` : ''}${evidenceTable(f.evidence, f.evidenceTotal, s, f.evidence.length <= 4 || f.id === 'home' || f.id === 'work')}</article>`).join('');
    parts.push(`<section id="findings"><h2>${esc(s.headings.findings)}</h2>${items}</section>`);
  }

  // Routine
  const routinePlaces = report.places.filter((p) => p.routine.some((v) => v > 0)).slice(0, 3);
  if (routinePlaces.length > 0) {
    parts.push(`<section id="routine"><h2>${esc(s.headings.routine)}</h2><div class="heats">${routinePlaces.map((p) => `<div><h3>${esc(markerLabel(p))} · ${esc(s.roles[p.role])}${p.near ? ` · ${esc(p.near.name)}` : ''}</h3>${heatmapSvg(p, s)}</div>`).join('')}</div><p class="note">${esc(s.heatLegend)}</p></section>`);
  }

  // Graph
  const graph = graphSvg(report, s);
  if (graph) {
    const links = report.identities.links.slice(0, 12).map((l) => {
      const a = report.identities.items[l.a];
      const b = report.identities.items[l.b];
      return a && b ? `<li>${esc(`${a.kind} “${a.value}” (${a.platforms.join(', ')})`)}${l.a !== l.b ? ` ↔ ${esc(`${b.kind} “${b.value}” (${b.platforms.join(', ')})`)}` : ''} — ${esc(l.reason.replace(/-/g, ' '))}</li>` : '';
    }).join('');
    const people = report.people.slice(0, 10).map((p) => `<tr><td>${esc(p.name ?? '')}</td><td>${esc(p.handles.map((h) => `@${h}`).join(' '))}</td><td>${esc(p.platforms.join(', '))}</td><td>${p.tagged}</td><td>${p.mentioned}</td><td>${p.messages}</td><td>${p.mutual ? '✓' : ''}</td></tr>`).join('');
    parts.push(`<section id="graph"><h2>${esc(s.headings.graph)}</h2>${graph}${links ? `<ul>${links}</ul>` : ''}${people ? `<table><thead><tr><th>Name</th><th>Handle</th><th>Where</th><th>Tagged</th><th>Mentioned</th><th>Messages</th><th>Mutual</th></tr></thead><tbody>${people}</tbody></table>` : ''}</section>`);
  }

  // Flagged posts
  if (report.flaggedPosts.length > 0) {
    const posts = report.flaggedPosts.slice(0, 30).map((p) => `<div class="post"><div class="note">${esc(fmtDate(p.time))} · ${esc(p.platform)} · <span class="file">${esc(p.file)}${p.itemId ? ` #${esc(p.itemId)}` : ''}</span></div><blockquote>${esc(p.text)}</blockquote><div class="tags">${p.reasons.map((r) => `<span>${esc(reasonText(r, s))}</span>`).join('')}</div></div>`).join('');
    parts.push(`<section id="posts"><h2>${esc(s.headings.posts)}</h2><p class="note">${esc(s.flagNote)}</p>${posts}${report.flaggedPosts.length > 30 ? `<p class="note">${esc(s.evidenceMore(30, report.flaggedPosts.length))}</p>` : ''}</section>`);
  }

  // Media
  if (report.media.items.length > 0) {
    const rows = report.media.items.slice(0, 15).map((m) => `<tr><td class="file">${esc(m.path)}</td><td>${esc(m.exposes.map((x) => s.exposes[x]).join(', '))}${m.deviceSerial ? ` (${esc(m.deviceSerial)})` : ''}</td><td>${esc(fmtDate(m.time))}${m.time ? (m.timeIsLocal ? ' (local)' : ' UTC') : ''}</td></tr>`).join('');
    parts.push(`<section id="media"><h2>${esc(s.headings.media)}</h2><table><thead><tr><th>${esc(s.mediaCols.file)}</th><th>${esc(s.mediaCols.exposes)}</th><th>${esc(s.mediaCols.when)}</th></tr></thead><tbody>${rows}</tbody></table>${report.media.items.length > 15 ? `<p class="note">${esc(s.evidenceMore(15, report.media.items.length))}</p>` : ''}</section>`);
  }

  // Could not determine
  parts.push(`<section id="unknown" class="unknown"><h2>${esc(s.headings.unknown)}</h2>${report.couldNotDetermine.length > 0 ? `<ul>${report.couldNotDetermine.map((u) => `<li>${esc(u.text)}</li>`).join('')}</ul>` : `<p>${esc(s.noneFound)}</p>`}</section>`);

  // Plan
  if (report.plan.length > 0) {
    const items = report.plan.map((a) => `<li><div class="rank">${a.n}</div><div><h3>${esc(a.title)}</h3><p>${esc(a.text)}</p>`
      + (a.impact > 0 ? `<div class="impact"><div class="meter"><span style="width:${a.impact}%"></span></div>${esc(s.planImpact(a.impact))}</div>` : '')
      + (a.findings.length > 0 ? `<p class="note">${esc(s.planFor(a.findings.map((n) => `#${n}`).join(', ')))}</p>` : '')
      + (a.targets.length > 0 ? evidenceTable(a.targets, a.targetsTotal, s) : '')
      + `</div></li>`).join('');
    parts.push(`<section id="plan" class="plan"><h2>${esc(s.headings.plan)}</h2><ol>${items}</ol></section>`);
  }

  // Methods and inputs
  const inputs = report.inputs;
  const issues = inputs.issues.map((i) => `<li class="file">${esc(s.issueLine([i.archive, i.file].filter(Boolean).join(' › '), i.reason))}</li>`).join('');
  parts.push(`<section id="methods"><h2>${esc(s.headings.methods)}</h2><ul>${report.methods.map((m) => `<li>${esc(m.text)} <span class="src">${esc(m.source)}</span></li>`).join('')}${report.uniqueness.statements.map((u) => `<li>${esc(u.text)} <span class="src">${esc(u.source)}</span></li>`).join('')}</ul>`
    + `<h3>${esc(s.headings.inputs)}</h3><p>${esc(s.inputsText(inputs.records, inputs.locationPoints, inputs.archives.length || inputs.traces.length, inputs.issues.length))}</p>${issues ? `<ul>${issues}</ul>` : ''}<p class="note">${report.attribution.map(esc).join(' · ')}</p></section>`);

  return `<!doctype html>
<html lang="${report.language}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; connect-src 'none'; form-action 'none'; base-uri 'none'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${esc(s.title)}</title>
<style>${CSS}</style>
</head>
<body><main>
${parts.join('\n')}
</main></body>
</html>
`;
}

/** The report as JSON (the model as it is, pretty-printed). */
export function renderReportJson(report: DossierReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
