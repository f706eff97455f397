// run.mjs - the HTML report in a real browser (headless Debian Chromium, driven by playwright-core).
//
//   node tests/browser/run.mjs                      run every check; one line per check: PASS ... / FAIL ...
//   node tests/browser/run.mjs --screenshots DIR    also write the README screenshots to DIR
//   node tests/browser/run.mjs -k PATTERN           only the cases whose name contains PATTERN
//
// tests/run-tests.sh runs this and counts the PASS and FAIL lines; INFO lines are for the reader (axe
// counts, PDF page counts).  For each case the report is rendered by ../../mcrc-report (or by xsltproc
// with schemas/report-html.xsl, for a hand-made report), then opened from a file:// URL and checked as a
// reader sees it: the status words in the summary, the knowledge-base sections and their citations, the
// clinician tables, the limits, no request for anything but the page, no script, axe-core at WCAG 2.1 AA,
// reflow at 200% and 400% zoom, and printing to PDF on A4 and Letter with the summary on page one.
// Environment: MCRC_BIN (the binary), CHROMIUM (the browser) [/usr/bin/chromium], BROWSER_OUT (work dir).
import { chromium } from 'playwright-core';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const TOP = resolve(HERE, '../..');
const BIN = process.env.MCRC_BIN || join(TOP, 'mcrc-report');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const OUT = process.env.BROWSER_OUT || join(TOP, 'tests/out/browser');
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let screenshotDir = null, pattern = '';
for (let i = 2; i < process.argv.length; i++) {
  if (process.argv[i] === '--screenshots') screenshotDir = resolve(process.argv[++i]);
  else if (process.argv[i] === '-k') pattern = process.argv[++i];
  else { console.error(`usage: run.mjs [--screenshots DIR] [-k PATTERN]`); process.exit(1); }
}

let npass = 0, nfail = 0;
const pass = (c, what) => { npass++; console.log(`PASS ${c}: ${what}`); };
const fail = (c, what, detail = '') => { nfail++; console.log(`FAIL ${c}: ${what}${detail ? `: ${detail}` : ''}`); };
const check = (c, what, ok, detail = '') => (ok ? pass(c, what) : fail(c, what, detail));
const info = (c, what) => console.log(`INFO ${c}: ${what}`);

// The summary's words for each status, as the page must show them (schemas/report-html.xsl keeps the same
// table; they are repeated here on purpose, so that a change to either is noticed).
const WORDS = {
  en: {
    'amplified': 'Amplified (extra copies found)',
    'equivocal': 'Equivocal (borderline: a second test is needed)',
    'not-amplified': 'Not amplified (no extra copies found)',
    'mutant': 'Change found (a mutation: the gene has a change)',
    'wild-type': 'Wild type (no change found)',
    'no-mutation-detected': 'No mutation detected (none seen, but the test could not be sure)',
    'indeterminate': 'Indeterminate (no clear answer)',
    'not-assessed': 'Not assessed (this gene was not checked)',
  },
  es: {
    'amplified': 'Amplificado (se encontraron copias de más)',
    'equivocal': 'Dudoso (en el límite: hace falta una segunda prueba)',
    'not-amplified': 'No amplificado (no se encontraron copias de más)',
    'mutant': 'Con cambio (una mutación: el gen tiene un cambio)',
    'wild-type': 'Sin mutación (normal: no se encontró ningún cambio)',
    'no-mutation-detected': 'No se detectó mutación (no se vio ninguna, pero la prueba no pudo estar segura)',
    'indeterminate': 'Indeterminado (sin una respuesta clara)',
    'not-assessed': 'No analizado (este gen no se analizó)',
  },
};
const MARKERS = { 'amplified': '▲', 'mutant': '▲', 'equivocal': '◆', 'not-amplified': '○', 'wild-type': '○',
  'no-mutation-detected': '◌', 'indeterminate': '?', 'not-assessed': '⊘' };
const FIXED = {
  en: { glance: 'Your results at a glance', clinician: 'Appendix for the clinician: summary, evidence and provenance', limits: 'Limits of this test', care: 'care team',
    bottom: 'The bottom line', means: 'What this means for treatment', page: (i, n) => `Page ${i} of ${n}`, sample: 'Sample', refs: 'References' },
  es: { glance: 'Sus resultados de un vistazo', clinician: 'Anexo para el profesional clínico: resumen, evidencia y procedencia', limits: 'Límites de esta prueba', care: 'equipo médico',
    bottom: 'Lo esencial', means: 'Qué supone para el tratamiento', page: (i, n) => `Página ${i} de ${n}`, sample: 'Muestra', refs: 'Referencias' },
};
// the plain-language result block each ERBB2 rule path must show (annotations/knowledge-base.xml)
const RESULT_BLOCK = { 'amplified': 'her2-amplified-result', 'equivocal': 'her2-equivocal', 'not-amplified': 'her2-not-amplified',
  'indeterminate': 'her2-indeterminate', 'not-assessed': 'her2-not-assessed' };

const T = 'testdata/cnv/';
const CASES = [
  { name: 'amplified', erbb2: 'amplified', args: [T + 'cn-amp-grch38-chr.vcf'], shot: 'erbb2-amplified' },
  { name: 'equivocal', erbb2: 'equivocal', args: [T + 'equivocal-partial.vcf'], shot: 'erbb2-equivocal' },
  { name: 'not-amplified', erbb2: 'not-amplified', args: [T + 'not-amplified-cn3.vcf'], shot: 'erbb2-not-amplified' },
  { name: 'indeterminate', erbb2: 'indeterminate', args: [T + 'filtered-amp.vcf'], shot: 'erbb2-indeterminate', setAside: true,
    part: ['clinician-evidence', '.mcrc-biomarker[data-gene="ERBB2"]'] },
  { name: 'not-assessed', erbb2: 'not-assessed', args: [T + 'no-cnv-input.vcf'], shot: 'erbb2-not-assessed' },
  { name: 'two-inputs-conflict', erbb2: 'indeterminate', args: [T + 'cn-amp-grch38-chr.vcf', T + 'not-amplified-cn3.vcf'] },
  { name: 'spanish', erbb2: 'amplified', lang: 'es', args: ['--lang', 'es', T + 'cn-amp-grch38-chr.vcf'], shot: 'spanish-amplified' },
  { name: 'spanish-equivocal', erbb2: 'equivocal', lang: 'es', args: ['--lang', 'es', T + 'equivocal-partial.vcf'] },
  { name: 'fragment', erbb2: 'amplified', fragment: true, args: ['--fragment', T + 'cn-amp-grch38-chr.vcf'], shot: 'fragment' },
  { name: 'hostile', erbb2: 'amplified', hostile: true, args: ['testdata/hostile/hostile-strings.vcf'] },
  // whole-result pages of issue 14: one story, the change named, the treatment line the page must (not) give
  { name: 'amp-all-wild-type', erbb2: 'amplified', args: [T + 'cn-amp-grch38-chr.vcf', 'testdata/snv/gvcf-covered.g.vcf'],
    story: { has: ['HER2 drugs may help you; EGFR drugs may not', 'trastuzumab with tucatinib', 'Trastuzumab deruxtecan can harm the lungs'],
      not: ['can be one of your choices', 'Is a drug that blocks EGFR right for me'], finding: { ERBB2: 'HER2: extra copies found, about 12 copies.', KRAS: 'KRAS: no change found (wild type).' } } },
  { name: 'kras-g12c', args: ['tests/browser/fixtures/kras-g12c.vcf'],
    story: { has: ['A drug aimed at KRAS G12C may be a choice later', 'sotorasib with panitumumab', 'adagrasib with cetuximab'],
      not: ['can be one of your choices', 'Drugs that block EGFR are not advised'], finding: { KRAS: 'KRAS: change G12C found.' } } },
  { name: 'equivocal-story', erbb2: 'equivocal', args: [T + 'equivocal-partial.vcf', 'testdata/snv/gvcf-covered.g.vcf'],
    story: { has: ['Your HER2 result is needed first', 'Confirm HER2 with a tissue test'], not: ['can be one of your choices'] } },
  { name: 'variants-fixture', xml: 'tests/browser/fixtures/variants.xml', variants: true, part: ['variants-fixture', '.mcrc-biomarker[data-gene="KRAS"]'] },
];

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: TOP, maxBuffer: 64 << 20, env: { ...process.env, SOURCE_DATE_EPOCH: '0', LC_ALL: 'C' }, ...opts });
  if (r.error) throw r.error;
  return r;
}

// the page's bytes: from the binary (twice, to check they are the same) or from xsltproc
function render(c) {
  if (c.xml) {
    const r = run('xsltproc', ['--nonet', 'schemas/report-html.xsl', c.xml]);
    if (r.status !== 0) throw new Error(`xsltproc: ${r.stderr}`);
    return { html: r.stdout.toString('utf8'), xml: readFileSync(join(TOP, c.xml), 'utf8') };
  }
  const a = run(BIN, ['--no-version', '-O', 'h', ...c.args]);
  if (a.status !== 0) throw new Error(`mcrc-report exit ${a.status}: ${a.stderr}`);
  const b = run(BIN, ['--no-version', '-O', 'h', ...c.args]);
  check(c.name, 'same input, same bytes', Buffer.compare(a.stdout, b.stdout) === 0);
  const x = run(BIN, ['--no-version', '-O', 'x', ...c.args.filter((s) => s !== '--fragment')]);
  return { html: a.stdout.toString('utf8'), xml: x.stdout.toString('utf8') };
}

// just enough of the XML report to know what the page must show (attributes of flat elements, block titles)
function model(xml) {
  const attrs = (s) => Object.fromEntries([...s.matchAll(/([\w-]+)="([^"]*)"/g)].map((m) => [m[1], unxml(m[2])]));
  const unxml = (s) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  const biomarkers = [...xml.matchAll(/<biomarker ([^>]*)>/g)].map((m) => attrs(m[1]));
  const blocks = [...xml.matchAll(/<block ([^>]*)>\s*<title>([^<]*)<\/title>([\s\S]*?)<\/block>/g)].map((m) => ({
    ...attrs(m[1]), title: unxml(m[2]), sources: [...m[3].matchAll(/<source [^>]*>([^<]*)<\/source>/g)].map((s) => unxml(s[1])),
    sourceIds: [...m[3].matchAll(/<source id="([^"]*)"[^>]*>/g)].map((s) => s[1]),
    texts: [...m[3].matchAll(/<(p|li)>([^<]*)<\/\1>/g)].map((s) => unxml(s[2])),
  }));
  const lang = (xml.match(/<mcrc-report [^>]*lang="([^"]*)"/) || [])[1];
  const samples = [...xml.matchAll(/<input [^>]*sample="([^"]*)"/g)].map((m) => unxml(m[1]));
  return { biomarkers, blocks, lang, samples };
}

const norm = (s) => s.replace(/\s+/g, ' ').trim();

async function openPage(context, url, c) {
  const page = await context.newPage();
  const seen = { requests: [], dialogs: [], errors: [], csp: [] };
  page.on('request', (r) => { if (r.url() !== url) seen.requests.push(r.url()); });
  page.on('dialog', async (d) => { seen.dialogs.push(d.message()); await d.dismiss().catch(() => {}); });
  page.on('pageerror', (e) => seen.errors.push(String(e)));
  page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) seen.csp.push(m.text()); });
  await page.goto(url, { waitUntil: 'load' });
  return { page, seen };
}

async function axe(page) {
  await page.evaluate(AXE);   // evaluated through the DevTools protocol: the page's CSP does not apply to it
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
    return { violations: r.violations.map((v) => `${v.id} (${v.nodes.length}): ${v.help} [${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('; ')}]`), passes: r.passes.length };
  });
}

function pdfPages(buf) {
  // Chromium's PDFs list each page as an object of /Type /Page (the page tree is /Type /Pages)
  return (buf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) || []).length;
}

function pdfText(file, first, last) {
  const r = run('pdftotext', ['-layout', '-f', String(first), '-l', String(last), file, '-']);
  if (r.status !== 0) throw new Error(`pdftotext: ${r.stderr}`);
  return r.stdout.toString('utf8');
}

async function checkCase(context, c) {
  const lang = c.lang || 'en';
  const { html, xml } = render(c);
  const m = model(xml);
  mkdirSync(OUT, { recursive: true });
  let file = join(OUT, `${c.name}.html`);
  writeFileSync(file, html);

  // ---- the bytes ----
  check(c.name, 'every string from the report is escaped: no <script> in the bytes', !/<script/i.test(html));
  if (c.fragment) {
    check(c.name, 'fragment: starts with <section, no DOCTYPE, no <html>/<head>/<body>',
      /^<section[\s>]/.test(html) && !/<!DOCTYPE|<(html|head|body)[\s>]/i.test(html), html.slice(0, 80));
    // put it into a host page, as a lab would append it to its own report
    const host = `<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>Host clinical report</title>` +
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">` +
      `</head><body><main><h1>Clinical report</h1><p>The laboratory's own report comes first.</p>\n${html}</main></body></html>\n`;
    file = join(OUT, `${c.name}-host.html`);
    writeFileSync(file, host);
  } else {
    check(c.name, 'a whole page: <!DOCTYPE html> first', /^<!DOCTYPE html>/i.test(html));
    const csp = (html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)"/) || [])[1] || '';
    check(c.name, "Content-Security-Policy meta forbids remote loads and scripts (default-src 'none')", /default-src 'none'/.test(csp) && !/script-src[^;]*(http|\*|'unsafe)/.test(csp), csp);
  }

  const url = pathToFileURL(file).href;
  const { page, seen } = await openPage(context, url, c);
  await page.setViewportSize({ width: 1000, height: 1200 });
  const root = c.fragment ? 'section.mcrc' : 'html';

  // ---- what a reader sees ----
  const pageLang = await page.$eval(root, (e) => e.getAttribute('lang'));
  check(c.name, `language attribute is ${m.lang}`, pageLang === m.lang && m.lang === lang, `${pageLang}`);
  const text = norm(await page.$eval(root, (e) => e.innerText));
  check(c.name, 'no element that loads or runs anything (script, link, img, iframe, object, embed)',
    (await page.$$('script, link, img, iframe, object, embed, base, form')).length === 0);
  check(c.name, 'nothing but the page itself was requested', seen.requests.length === 0, seen.requests.join(' '));
  check(c.name, 'no script ran (no dialog, no page error)', seen.dialogs.length === 0 && seen.errors.length === 0, [...seen.dialogs, ...seen.errors].join(' '));
  check(c.name, 'no Content-Security-Policy violation', seen.csp.length === 0, seen.csp.join(' '));

  const W = WORDS[lang] || WORDS.en, F = FIXED[lang] || FIXED.en;
  const h1 = c.fragment ? 'Clinical report' : null;
  const firstHeading = norm(await page.$eval(`${root} :is(h1,h2)`, (e) => e.innerText));
  check(c.name, 'the bottom line comes first, right after the title', (await page.$$eval(`${root} section`, (s) => s[0] && s[0].className)) === 'mcrc-bottom', firstHeading);
  const bottomText = norm(await page.$eval('section.mcrc-bottom', (e) => e.innerText));
  check(c.name, `bottom line heading "${F.bottom}", one finding line per gene`, bottomText.startsWith(F.bottom) &&
    (await page.$$('section.mcrc-bottom ul.mcrc-findings li')).length === m.biomarkers.length, bottomText.slice(0, 80));
  if (!c.xml) {
    check(c.name, `bottom line: "${F.means}" with the whole result's meaning`, bottomText.includes(F.means) && (await page.$$('section.mcrc-bottom .mcrc-bl')).length >= 1);
    // the first screen of a laptop (1280 x 800) shows the box's findings and its treatment meaning
    await page.setViewportSize({ width: 1280, height: 800 });
    const box = await page.evaluate(() => {
      const r = (sel) => { const e = document.querySelector(sel); return e ? e.getBoundingClientRect() : null; };
      const bls = [...document.querySelectorAll('section.mcrc-bottom .mcrc-bl')].map((e) => e.getBoundingClientRect().bottom);
      return { top: (r('section.mcrc-bottom') || {}).top, findings: (r('section.mcrc-bottom ul.mcrc-findings') || {}).bottom, means: Math.max(...bls), h: window.innerHeight };
    });
    check(c.name, 'bottom line in the first screen (1280 x 800): the findings and what they mean for treatment', box.top >= 0 && box.findings <= box.h && box.means <= box.h, JSON.stringify(box));
    await page.setViewportSize({ width: 1000, height: 1200 });
  }
  if (c.story) {
    const all = text;
    for (const sline of c.story.has) check(c.name, `story: the page says "${sline}"`, all.includes(sline));
    for (const sline of c.story.not) check(c.name, `story: the page does not say "${sline}"`, !all.includes(sline));
    for (const [gene, line] of Object.entries(c.story.finding || {})) {
      const li = norm(await page.$eval(`section.mcrc-bottom ul.mcrc-findings li[data-gene="${gene}"]`, (e) => e.innerText).catch(() => ''));
      check(c.name, `bottom line names the finding: "${line}"`, li === line, li);
    }
  }
  const glanceText = norm(await page.$eval('section.mcrc-glance', (e) => e.innerText));
  check(c.name, `summary heading "${F.glance}"`, glanceText.startsWith(F.glance), glanceText.slice(0, 60));
  for (const b of m.biomarkers) {
    const row = await page.$(`section.mcrc-glance tr[data-gene="${b.gene}"]`);
    const rowText = row ? norm(await row.innerText()) : '';
    check(c.name, `summary: ${b.gene} ${b.status} in words: "${W[b.status]}"`, rowText.includes(W[b.status]), rowText);
    const marker = row ? norm(await row.$eval('.mcrc-marker', (e) => e.textContent)) : '';
    check(c.name, `summary: ${b.gene} has the marker symbol ${MARKERS[b.status]} beside the words`, marker === MARKERS[b.status], marker);
    if (lang !== 'en') check(c.name, `summary: ${b.gene} also shows the report's word ${b.status}`, rowText.includes(b.status), rowText);
  }
  if (c.erbb2) check(c.name, `ERBB2 is ${c.erbb2}`, m.biomarkers.some((b) => b.gene === 'ERBB2' && b.status === c.erbb2));
  if (lang !== 'en') {
    const english = ['Your results at a glance', 'what was tested', 'For the clinician', 'Limits of this test', 'Extra copies of the gene'];
    const left = english.filter((s) => text.includes(s));
    check(c.name, 'the fixed labels are translated (no English heading left)', left.length === 0, left.join(', '));
  }

  // every knowledge-base block the report chose: its title and every citation, patient text before the clinician part
  const order = await page.evaluate(() => {
    const pos = (sel) => { const e = document.querySelector(sel); return e ? [...document.querySelectorAll('*')].indexOf(e) : -1; };
    return { bottom: pos('section.mcrc-bottom'), glance: pos('section.mcrc-glance'), patient: pos('section.mcrc-kb'), limits: pos('section.mcrc-limits'),
      clinician: pos('section.mcrc-clinician'), refs: pos('section.mcrc-refs') };
  });
  check(c.name, 'order: bottom line, summary table, plain-language sections, limits, clinician appendix, references',
    order.bottom >= 0 && order.bottom < order.glance && order.glance < order.patient && order.patient < order.limits && order.limits < order.clinician &&
    (order.refs < 0 ? m.blocks.every((b) => !b.sources.length) : order.clinician < order.refs), JSON.stringify(order));
  const refs = await page.$$eval('section.mcrc-refs ol.mcrc-reflist li', (ls) => ls.map((l) => ({ id: l.getAttribute('data-ref'), text: l.innerText.replace(/\s+/g, ' ').trim(),
    lang: (l.querySelector('cite') || {}).lang })));
  const uniq = [...new Map(m.blocks.flatMap((b) => b.sourceIds.map((id, i) => [id, b.sources[i]]))).entries()];
  check(c.name, `references: each source once, numbered at the end (${uniq.length})`, refs.length === uniq.length && uniq.every(([id, t]) => refs.some((r) => r.id === id && r.text === norm(t))),
    `${refs.length} listed`);
  if (lang !== 'en') check(c.name, 'references: the English citations carry lang="en"', refs.every((r) => r.lang === 'en'));
  const BOX = ['bottom-line', 'next-steps', 'questions'];
  for (const blk of m.blocks) {
    const els = await page.$$(`[data-block="${blk.id}"]`);
    const el = els[0];
    let t = '';
    for (const e of els) t += ' ' + norm(await e.innerText());
    t = norm(t);
    const inPart = el ? await el.evaluate((e) => (e.closest('section.mcrc-clinician') ? 'clinician' : e.closest('section.mcrc-limits') ? 'limits' : e.closest('section.mcrc-bottom') ? 'bottom' : 'patient')) : '';
    const want = blk.audience === 'clinician' ? 'clinician' : blk.section === 'limits' ? 'limits' : BOX.includes(blk.section) ? 'bottom' : 'patient';
    const titled = blk.section !== 'clinician-summary' && blk.section !== 'questions';
    const marks = el ? await el.$$eval('.mcrc-ref', (rs) => rs.map((r) => r.getAttribute('data-ref'))) : [];
    const cited = want === 'bottom' || (marks.length === blk.sourceIds.length && blk.sourceIds.every((id) => marks.includes(id)));
    check(c.name, `block ${blk.id}: shown in the ${want} part with ${titled ? 'its title, ' : ''}${blk.texts.length} paragraphs and list items${want === 'bottom' ? '' : `, and ${blk.sources.length} reference number(s)`}`,
      el && inPart === want && (!titled || t.includes(norm(blk.title))) && blk.texts.every((s) => t.includes(norm(s))) && cited,
      `${inPart} ${t.slice(0, 80)} missing: ${blk.texts.filter((s) => !t.includes(norm(s))).join(' | ').slice(0, 120)} refs: ${marks.join(',')}`);
  }
  if (c.erbb2 && !c.xml) {
    check(c.name, `rule path ${c.erbb2}: the result section ${RESULT_BLOCK[c.erbb2]} is shown`, (await page.$(`section.mcrc-kb [data-block="${RESULT_BLOCK[c.erbb2]}"]`)) !== null);
    const others = Object.values(RESULT_BLOCK).filter((id) => id !== RESULT_BLOCK[c.erbb2]);
    const wrong = [];
    for (const id of others) if (await page.$(`[data-block="${id}"]`)) wrong.push(id);
    check(c.name, `rule path ${c.erbb2}: no other ERBB2 result section`, wrong.length === 0, wrong.join(' '));
    for (const id of ['questions', 'support', 'report-limits'])
      check(c.name, `section ${id} is shown`, (await page.$(`[data-block="${id}"]`)) !== null);
  }

  // headings: one top heading, no skipped level
  const levels = await page.$$eval(`${c.fragment ? 'body' : root} :is(h1,h2,h3,h4,h5,h6)`, (hs) => hs.map((h) => +h.tagName[1]));
  const skips = levels.filter((l, i) => i > 0 && l > levels[i - 1] + 1);
  check(c.name, 'headings: one h1, no skipped level', levels.filter((l) => l === 1).length === 1 && levels[0] === 1 && skips.length === 0, levels.join(''));
  const headerless = await page.$$eval(`${root} table`, (ts) => ts.filter((t) => !t.querySelector('th')).length);
  check(c.name, 'every table has header cells', headerless === 0);

  // the clinician section: evidence table for ERBB2, the provenance, the reasons
  const clin = norm(await page.$eval('section.mcrc-clinician', (e) => e.innerText));
  check(c.name, `clinician section heading "${F.clinician}"`, clin.startsWith(F.clinician), clin.slice(0, 60));
  if (xml.includes('<evidence ')) {
    const heads = await page.$$eval('.mcrc-biomarker[data-gene="ERBB2"] table.mcrc-records[data-element="evidence"] thead th', (ths) => ths.map((t) => t.getAttribute('data-attr')));
    const want = ['input', 'record', 'id', 'alt', 'filter', 'field', 'value', 'copy-number-observed', 'copy-number', 'used', 'note'];
    check(c.name, 'evidence table: file, record, FILTER, field, value, observed and derived copy number, used, note', want.every((w) => heads.includes(w)), heads.join(','));
    const files = norm(await page.$eval('.mcrc-biomarker[data-gene="ERBB2"] .mcrc-files', (e) => e.innerText).catch(() => ''));
    const paths = [...xml.matchAll(/<input id="(\d+)" path="([^"]*)"/g)].filter((p) => new RegExp(`<evidence input="${p[1]}"`).test(xml));
    check(c.name, 'evidence table: the files its numbers name are listed under it', paths.length > 0 && paths.every((p) => files.includes(`${p[1]} = ${p[2]}`)), files);
    const nrec = (xml.match(/<evidence /g) || []).length;
    const nrows = await page.$$eval('table.mcrc-records[data-element="evidence"] tbody tr', (r) => r.length);
    check(c.name, `evidence table: one row per record (${nrec})`, nrows === nrec, `${nrows}`);
  }
  const thr = await page.$('.mcrc-biomarker[data-gene="ERBB2"] tr[data-element="thresholds"]');
  if (xml.includes('<thresholds ')) check(c.name, 'thresholds shown beside the ERBB2 evidence', thr !== null);
  if (c.setAside) {
    const aside = await page.$$eval('tr.mcrc-set-aside', (r) => r.map((e) => e.innerText));
    check(c.name, 'a record set aside is marked in words, with its reason', aside.length > 0 && aside.every((t) => /set aside/.test(t) && /filtered/.test(t)), aside.join(' | '));
  }
  check(c.name, 'provenance block present', (await page.$('.mcrc-provenance tr[data-element="input"]')) !== null);
  const limits = norm(await page.$eval('section.mcrc-limits', (e) => e.innerText));
  check(c.name, `limits: says what was and was not looked at, and to talk with the ${F.care}`,
    limits.startsWith(F.limits) && limits.includes(F.care) && (await page.$$('section.mcrc-limits ul.mcrc-not-looked li')).length >= 3);
  for (const s of m.samples) check(c.name, `the sample name is shown as text: ${JSON.stringify(s)}`, text.includes(s));

  if (c.hostile) {
    check(c.name, 'hostile: the sample <script>alert(1)</script> is visible as text', text.includes('<script>alert(1)</script>'));
    check(c.name, "hostile: the record ID id<&>\"'… is visible as text", text.includes('id<&>"\''));
    // and without the CSP, so that escaping alone is what keeps it from running
    const bare = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '');
    const bareFile = join(OUT, `${c.name}-no-csp.html`);
    writeFileSync(bareFile, bare);
    const p2 = await openPage(context, pathToFileURL(bareFile).href, c);
    check(c.name, 'hostile, CSP removed: still no script element and no dialog',
      !/Content-Security-Policy/.test(bare) && (await p2.page.$$('script')).length === 0 && p2.seen.dialogs.length === 0 && p2.seen.errors.length === 0);
    await p2.page.close();
    // negative control: a stylesheet that does not escape; the checks above must notice it
    const bad = run(BIN, ['--no-version', '-O', 'h', '--html-template', 'tests/browser/fixtures/unsafe.xsl', ...c.args]);
    const badFile = join(OUT, `${c.name}-unsafe.html`);
    writeFileSync(badFile, bad.stdout);
    const p3 = await openPage(context, pathToFileURL(badFile).href, c);
    check(c.name, 'negative control: an unescaping stylesheet is caught (its script runs and is seen)',
      bad.status === 0 && p3.seen.dialogs.length === 1 && (await p3.page.$$('script')).length === 1, `dialogs=${p3.seen.dialogs.length}`);
    await p3.page.close();
  }

  if (c.variants) {
    const kras = '.mcrc-biomarker[data-gene="KRAS"]';
    const vt = norm(await page.$eval(`${kras} table.mcrc-records[data-element="variant"]`, (e) => e.innerText).catch(() => ''));
    check(c.name, 'variants: a table with transcript, coding and protein change, VAF, depth, FILTER, classification',
      ['Transcript', 'Coding change', 'Protein change', 'VAF', 'Depth', 'FILTER', 'Classification', 'Used?', 'Note'].every((h) => vt.includes(h)), vt.slice(0, 200));
    check(c.name, 'variants: values shown (c.35G>A, p.G12D, 0.31, 412)', ['c.35G>A', 'p.G12D', '0.31', '412', 'chr12:25245350'].every((v) => vt.includes(v)), vt.slice(0, 300));
    const vfiles = norm(await page.$eval(`${kras} .mcrc-files`, (e) => e.innerText).catch(() => ''));
    check(c.name, 'variants: the file they came from is named under the table', vfiles === 'Files: 2 = snv.vcf.gz', vfiles);
    check(c.name, 'variants: the set-aside variant is marked, with why', /set aside: filtered \(LowQual\)/.test(vt) && (await page.$$(`${kras} tr.mcrc-set-aside:not(.mcrc-more)`)).length === 1);
    check(c.name, 'variants: attributes beyond the main columns are still shown (vaf-field)', vt.includes('FORMAT/AF'));
    const fut = norm(await page.$eval(`${kras} table.mcrc-records[data-element="future-annotation"]`, (e) => e.innerText).catch(() => ''));
    check(c.name, 'an element the stylesheet does not know is shown as a table of its attributes and text',
      fut.includes('reviewer') && fut.includes('<b>lab</b>') && fut.includes('a later element'), fut);
  }

  // ---- accessibility: axe-core at WCAG 2.1 AA ----
  const a = await axe(page);
  check(c.name, `axe-core WCAG 2.1 AA: 0 violations (${a.passes} rules passed)`, a.violations.length === 0, a.violations.join(' || '));
  info(c.name, `axe: ${a.violations.length} violations, ${a.passes} rules passed`);

  // ---- reflow: 200% zoom of a 1280-px window (640 CSS px) and 400% (320 CSS px): no sideways page scroll ----
  for (const w of [640, 320]) {
    await page.setViewportSize({ width: w, height: 900 });
    const over = await page.evaluate(() => {
      const vw = document.documentElement.clientWidth;
      const bad = [...document.querySelectorAll('body *')].filter((e) => {
        if (e.closest('.mcrc-scroll')) return false;   // wide data tables scroll inside their own focusable region
        const r = e.getBoundingClientRect();
        return r.width > 0 && r.right > vw + 1;
      });
      return { page: document.documentElement.scrollWidth - vw, bad: bad.slice(0, 3).map((e) => e.tagName + '.' + e.className) };
    });
    check(c.name, `reflow at ${w} CSS px (${1280 / w * 100}% zoom): no horizontal page scrolling`, over.page <= 0 && over.bad.length === 0, JSON.stringify(over));
    const small = await page.evaluate(() => Math.min(...[...document.querySelectorAll('.mcrc p, .mcrc li, .mcrc td')].map((e) => parseFloat(getComputedStyle(e).fontSize))));
    check(c.name, `readable at ${w} CSS px: body text at least 12 px`, small >= 12, `${small}`);
  }
  await page.setViewportSize({ width: 1000, height: 1200 });

  // ---- print: A4 and Letter, the summary on page one ----
  if (!c.fragment) {
    await page.emulateMedia({ media: 'print' });
    for (const format of ['A4', 'Letter']) {
      const pdf = await page.pdf({ format, printBackground: true });
      const pdfFile = join(OUT, `${c.name}-${format}.pdf`);
      writeFileSync(pdfFile, pdf);
      const n = pdfPages(pdf);
      info(c.name, `PDF ${format}: ${n} pages`);
      check(c.name, `PDF ${format}: between 2 and 12 pages (${n})`, n >= 2 && n <= 12, `${n}`);
      const p1 = norm(pdfText(pdfFile, 1, 1));
      const findings = await page.$$eval('section.mcrc-bottom ul.mcrc-findings li', (ls) => ls.map((l) => l.innerText.replace(/\s+/g, ' ').trim()));
      const means = await page.$$eval('section.mcrc-bottom .mcrc-bl strong', (ls) => ls.map((l) => l.innerText.replace(/\s+/g, ' ').trim()));
      check(c.name, `PDF ${format}: page one has the bottom line: every finding and what it means for treatment`,
        p1.includes(F.bottom) && findings.length === m.biomarkers.length && findings.every((f) => p1.includes(f)) && means.every((s) => p1.includes(s)), p1.slice(0, 300));
      const badPages = [];
      for (let i = 1; i <= n; i++) {
        const pi = norm(pdfText(pdfFile, i, i));
        const sampleLine = m.samples.length ? `${F.sample}: ${m.samples[0].replace(/["'\\<>&{}@;]/g, '')}` : '';
        // near-empty: under 200 characters besides the page number and the sample line
        const body = pi.replace(F.page(i, n), '').replace(sampleLine.slice(0, 60), '').trim();
        if (!pi.includes(F.page(i, n)) || (sampleLine && !pi.includes(sampleLine.slice(0, 60))) || body.length < 200) badPages.push(`${i}:${body.length}`);
      }
      check(c.name, `PDF ${format}: every page prints its number ("${F.page(1, n)}"), the sample line, and is not near-empty`, badPages.length === 0, badPages.join(' '));
      const all = norm(pdfText(pdfFile, 1, n));
      check(c.name, `PDF ${format}: the clinician section and the limits are printed`, all.includes(F.clinician) && all.includes(F.limits));
      const lastPage = norm(pdfText(pdfFile, n, n));
      check(c.name, `PDF ${format}: no blank last page`, lastPage.length > 20, lastPage);
    }
    await page.emulateMedia({ media: 'screen' });
  }

  // README pictures: the first screenful (title, summary, the rule path's own result text), and some parts
  if (screenshotDir && (c.shot || c.part)) {
    mkdirSync(screenshotDir, { recursive: true });
    await page.setViewportSize({ width: 1100, height: 1500 });
    if (c.shot) {
      const target = join(screenshotDir, `${c.shot}.png`);
      await page.screenshot({ path: target });
      info(c.name, `screenshot ${target}`);
    }
    if (c.part) {
      const target = join(screenshotDir, `${c.part[0]}.png`);
      await (await page.$(c.part[1])).screenshot({ path: target });
      info(c.name, `screenshot ${target}`);
    }
  }
  await page.close();
}

// --html-template: a lab may import the shipped stylesheet and restyle it; the network and, at transform time,
// file reads are refused with exit 2 and no page
function templateChecks() {
  const c = 'template';
  const amp = T + 'cn-amp-grch38-chr.vcf';
  mkdirSync(OUT, { recursive: true });
  const own = run(BIN, ['--no-version', '-O', 'h', amp]).stdout.toString('utf8');
  // a lab keeps its stylesheet set in one folder: the shipped stylesheet is copied beside its own (src/html.c
  // lets a template include or import files of its own directory only)
  const labDir = join(OUT, 'lab-template');
  mkdirSync(labDir, { recursive: true });
  copyFileSync('schemas/report-html.xsl', join(labDir, 'report-html.xsl'));
  copyFileSync('tests/browser/fixtures/import-local.xsl', join(labDir, 'import-local.xsl'));
  const lab = run(BIN, ['--no-version', '-O', 'h', '--html-template', join(labDir, 'import-local.xsl'), amp]);
  const labHtml = lab.stdout.toString('utf8');
  check(c, "a lab's stylesheet that imports the shipped one and overrides a template is used", lab.status === 0 && labHtml.includes('#fffdf2') &&
    labHtml.replace(/<style>[\s\S]*?<\/style>/, '') === own.replace(/<style>[\s\S]*?<\/style>/, ''), `exit ${lab.status} ${lab.stderr}`);
  for (const [fixture, what] of [['import-network.xsl', 'an import from the network'], ['document-self.xsl', "document('') at transform time"]]) {
    const target = join(OUT, `${fixture}.html`);
    rmSync(target, { force: true });
    const r = run(BIN, ['--no-version', '-o', target, '--html-template', `tests/browser/fixtures/${fixture}`, amp]);
    const err = r.stderr.toString('utf8');
    check(c, `${what} is refused: exit 2, one error line naming the stylesheet, no page`,
      r.status === 2 && err.trim().split('\n').length === 1 && err.includes(fixture) && /denied|refused/.test(err) && !existsSync(target), `exit ${r.status}: ${err}`);
  }
}

const profile = mkdtempSync(join(tmpdir(), 'mcrc-chromium-'));
let context;
try {
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
    viewport: { width: 1000, height: 1200 },
    deviceScaleFactor: 1,
    javaScriptEnabled: true,   // on, so that a script that slips through would run and be caught
    offline: true,
    timeout: 60000,
  });
  if (!pattern || 'template'.includes(pattern)) {
    try { templateChecks(); } catch (e) { fail('template', 'checks ran to the end', String(e).split('\n')[0]); }
  }
  for (const c of CASES) {
    if (pattern && !c.name.includes(pattern)) continue;
    try { await checkCase(context, c); } catch (e) { fail(c.name, 'case ran to the end', String(e && e.stack || e).split('\n').slice(0, 3).join(' ')); }
  }
} catch (e) {
  fail('browser', `start ${CHROMIUM}`, String(e).split('\n')[0]);
} finally {
  if (context) await context.close().catch(() => {});
  rmSync(profile, { recursive: true, force: true });
}
console.log(`${npass} passed, ${nfail} failed`);
process.exit(nfail ? 1 : 0);
