// Measures an HTML proof in the browser that renders it (tests/export_chromium.rs appends
// this to the proof and reads the result back with --dump-dom). Lengths are in em of the
// body type (the root font size); every finding is one line of the element pre#measure.
(function () {
  const rem = parseFloat(getComputedStyle(document.documentElement).fontSize);
  const out = [];
  const eps = 0.01;
  const hit = (a, b) =>
    a.left < b.right - eps && b.left < a.right - eps && a.top < b.bottom - eps && b.top < a.bottom - eps;
  // The text of an element as the browser laid it out: one rect per text fragment, each cut
  // to its em box (the font's ascent and descent reach past the glyphs).
  const ink = (el) => {
    const range = document.createRange();
    const rects = [];
    const walk = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walk.nextNode(); node; node = walk.nextNode()) {
      range.selectNodeContents(node);
      const parent = node.parentElement;
      const size = parseFloat(getComputedStyle(parent).fontSize);
      // A run clipped to its width (overflow-x: clip) prints nothing past its edges.
      const clip = getComputedStyle(parent).overflowX === 'clip' ? parent.getBoundingClientRect() : null;
      for (const r of range.getClientRects()) {
        const left = clip ? Math.max(r.left, clip.left) : r.left;
        const right = clip ? Math.min(r.right, clip.right) : r.right;
        if (right - left <= 0) continue;
        const mid = (r.top + r.bottom) / 2;
        rects.push({ left, right, top: mid - size / 2, bottom: mid + size / 2 });
      }
    }
    return rects;
  };
  // Where a line's runs stand: its text and its forced-width spans, as laid out (a clipped
  // run's text no further than its span).
  const extent = (el) => {
    const rects = [...ink(el), ...[...el.children].map((c) => c.getBoundingClientRect())].filter((r) => r.right > r.left);
    return [Math.min(...rects.map((r) => r.left)), Math.max(...rects.map((r) => r.right))];
  };
  const say = (line) => out.push(line);

  // Lines: on one line, within the measure and the box, justified or at their engine width.
  let count = 0, overflow = 0, worst = 0, wrapped = 0, justified = 0, ragged = 0, worstRagged = 0;
  let drifted = 0, worstDrift = 0, outside = 0;
  for (const el of document.querySelectorAll('.line')) {
    const rects = ink(el);
    if (!rects.length) continue;
    count++;
    const line = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    const em = parseFloat(style.fontSize);
    const left = Math.min(...rects.map((r) => r.left));
    const right = Math.max(...rects.map((r) => r.right));
    const text = el.textContent;
    // Chromium rounds each text fragment's width up to 1/64 px, so a line of many runs may
    // end a few 1/64 px (at 12 px, under 0.01 em) past its measure: that is not overflow.
    const over = Math.max(right - line.right, line.left - left) / rem;
    worst = Math.max(worst, over);
    if (over > 0.01) {
      overflow++;
      say(`overflow ${over.toFixed(3)} ${text}`);
    }
    if (rects.some((r) => r.top >= line.bottom - eps || r.bottom <= line.top + eps)) {
      wrapped++;
      say(`wrapped ${text}`);
    }
    const box = el.closest('.box');
    if (box) {
      const b = box.getBoundingClientRect();
      if (right > b.right + 0.5 || left < b.left - 0.5) {
        outside++;
        say(`outside-box ${text}`);
      }
    }
    if (el.classList.contains('j')) {
      justified++;
      const short = (line.right - right) / em;
      worstRagged = Math.max(worstRagged, short);
      if (short > 0.05) {
        ragged++;
        say(`ragged ${short.toFixed(3)} ${text}`);
      }
    } else {
      const start = line.left + parseFloat(style.paddingLeft);
      const want = (Number(el.dataset.cells) / 2) * em;
      const [from, to] = extent(el);
      const drift = Math.max(Math.abs(to - from - want), Math.abs(from - start)) / em;
      worstDrift = Math.max(worstDrift, drift);
      if (drift > 0.05) {
        drifted++;
        say(`drift ${drift.toFixed(3)} ${text}`);
      }
    }
  }
  // Runs forced to their engine width: the face's own advance (hwid, halt, fwid) fits.
  let runs = 0, overfull = 0;
  for (const span of document.querySelectorAll('.line span')) {
    runs++;
    const text = ink(span).reduce((w, r) => w + r.right - r.left, 0);
    const style = getComputedStyle(span);
    const em = parseFloat(style.fontSize);
    // Its width as laid out: a run narrowed with scaleX has its ink narrowed, not its width.
    const over = (text - parseFloat(style.width)) / em;
    if (over > 0.01) {
      overfull++;
      say(`overfull-run ${over.toFixed(3)} ${span.className} ${span.textContent}`);
    }
  }
  say(`runs ${runs}`);
  say(`overfull-runs ${overfull}`);
  say(`lines ${count}`);
  say(`overflowing ${overflow}`);
  say(`worst-overflow ${worst.toFixed(3)}`);
  say(`wrapped-lines ${wrapped}`);
  say(`outside-box ${outside}`);
  say(`justified ${justified}`);
  say(`ragged ${ragged}`);
  say(`worst-ragged ${worstRagged.toFixed(3)}`);
  say(`drifting ${drifted}`);
  say(`worst-drift ${worstDrift.toFixed(3)}`);

  // Hung marks (grid `hanging`): a justified line whose text the engine counted wider than
  // its measure ends in a mark hung past it, which starts exactly at the measure, the text
  // before it justified to the measure.
  let hung = 0, hungOff = 0;
  for (const el of document.querySelectorAll('.line.j')) {
    const line = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    const em = parseFloat(style.fontSize);
    const measure = (line.width - parseFloat(style.paddingLeft)) / em;
    if (Number(el.dataset.cells) / 2 <= measure + eps) continue;
    hung++;
    const walk = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    let last = null;
    for (let node = walk.nextNode(); node; node = walk.nextNode()) if (node.data.length) last = node;
    const range = document.createRange();
    range.setStart(last, last.data.length - 1);
    range.setEnd(last, last.data.length);
    const mark = range.getBoundingClientRect();
    const off = (mark.left - line.right) / em;
    if (Math.abs(off) > 0.02) {
      hungOff++;
      say(`hung-off-measure ${off.toFixed(3)} ${el.textContent}`);
    }
  }
  say(`hung-lines ${hung}`);
  say(`hung-off-measure ${hungOff}`);

  // Frames: no edge crosses a line of another box, nor the text of its own.
  const lineBoxes = [...document.querySelectorAll('.box')].map((box) => ({
    box,
    lines: [...box.querySelectorAll('.line')].map((l) => l.getBoundingClientRect()),
    ink: [...box.querySelectorAll('.line')].flatMap(ink),
  }));
  let frames = 0, crossings = 0;
  for (const { box } of lineBoxes) {
    const frame = box.querySelector(':scope > .frame');
    if (!frame) continue;
    frames++;
    const f = frame.getBoundingClientRect();
    const s = getComputedStyle(frame);
    const w = (side) => parseFloat(s[`border${side}Width`]);
    const edges = [
      { left: f.left, right: f.right, top: f.top, bottom: f.top + w('Top') },
      { left: f.left, right: f.right, top: f.bottom - w('Bottom'), bottom: f.bottom },
      { left: f.left, right: f.left + w('Left'), top: f.top, bottom: f.bottom },
      { left: f.right - w('Right'), right: f.right, top: f.top, bottom: f.bottom },
    ].filter((e) => e.right > e.left && e.bottom > e.top);
    for (const other of lineBoxes) {
      const against = other.box === box ? other.ink : other.lines;
      if (edges.some((e) => against.some((l) => hit(e, l)))) {
        crossings++;
        say(`frame-crosses ${box.dataset.item} ${other.box.dataset.item}`);
      }
    }
  }
  say(`frames ${frames}`);
  say(`frame-crossings ${crossings}`);

  // Notices: every line (its measure, not only its ink) between the double rule's inner
  // edges, however narrow the box.
  let noticeLines = 0, overBorder = 0;
  for (const clip of document.querySelectorAll('.notice .clip')) {
    const c = clip.getBoundingClientRect();
    const s = getComputedStyle(clip);
    const inner = { left: c.left + parseFloat(s.borderLeftWidth), right: c.right - parseFloat(s.borderRightWidth) };
    for (const line of clip.querySelectorAll('.line')) {
      noticeLines++;
      const l = line.getBoundingClientRect();
      const over = Math.max(inner.left - l.left, l.right - inner.right) / rem;
      if (over > eps) {
        overBorder++;
        say(`notice-over-border ${over.toFixed(3)} ${clip.closest('.box').dataset.item} ${line.textContent}`);
      }
    }
  }
  say(`notice-lines ${noticeLines}`);
  say(`notice-over-border ${overBorder}`);

  // Column rules: hairlines that cross no line, per page and gutter.
  let rules = 0, ruleCrossings = 0;
  const allLines = lineBoxes.flatMap((b) => b.lines);
  const gutters = new Map();
  for (const rule of document.querySelectorAll('.column-rule')) {
    rules++;
    const r = rule.getBoundingClientRect();
    const page = rule.closest('.page').dataset.page;
    const key = `${page}:${rule.style.gridColumnStart}`;
    gutters.set(key, (gutters.get(key) || 0) + 1);
    const wide = { left: r.left, right: r.left + Math.max(r.width, 1), top: r.top, bottom: r.bottom };
    if (allLines.some((l) => hit(wide, l))) {
      ruleCrossings++;
      say(`rule-crosses page ${page} gutter ${rule.style.gridColumnStart} from ${r.top}`);
    }
  }
  say(`rules ${rules}`);
  say(`rule-crossings ${ruleCrossings}`);
  say(`ruled-gutters ${gutters.size}`);
  say(`broken-gutters ${[...gutters.values()].filter((n) => n > 1).length}`);

  // Badges (short, overset, over the foot): none on a line's glyphs.
  let badges = 0, badgeCrossings = 0;
  for (const badge of document.querySelectorAll('.badge')) {
    badges++;
    const b = badge.getBoundingClientRect();
    const r = { left: b.left, right: b.right, top: b.top, bottom: b.bottom };
    for (const glyphs of lineBoxes.flatMap((x) => x.ink)) {
      if (hit(r, glyphs)) {
        badgeCrossings++;
        say(`badge-crosses ${badge.textContent} at ${b.left},${b.top}`);
        break;
      }
    }
  }
  say(`badges ${badges}`);
  say(`badge-crossings ${badgeCrossings}`);

  // Mastheads: the folio shown whole; a grid note clipped shows its `…` (some width left).
  let hiddenFolios = 0, unmarkedNotes = 0;
  for (const head of document.querySelectorAll('.masthead')) {
    const h = head.getBoundingClientRect();
    const folio = head.querySelector('.folio').getBoundingClientRect();
    if (folio.left < h.left - 0.5 || folio.right > h.right + 0.5 || folio.width < 1) {
      hiddenFolios++;
      say(`folio-hidden ${head.textContent} ${folio.left}–${folio.right} in ${h.left}–${h.right}`);
    }
    const note = head.querySelector('.grid-note');
    const n = note.getBoundingClientRect();
    if (note.scrollWidth > note.clientWidth + 1 && (n.width < 8 || n.right > h.right + 0.5)) {
      unmarkedNotes++;
      say(`note-clipped-unmarked ${head.textContent} width ${n.width}`);
    }
  }
  say(`hidden-folios ${hiddenFolios}`);
  say(`unmarked-notes ${unmarkedNotes}`);

  // Mastheads run on to another line rather than cut: a part (the folio never) is cut, with
  // its `…`, only where it stands alone on its line and is wider than it; none runs past the
  // masthead's edge.
  let headsCutBeside = 0, headsClipped = 0, cutFolios = 0;
  for (const head of document.querySelectorAll('.masthead')) {
    const h = head.getBoundingClientRect();
    const parts = [...head.children];
    for (const part of parts) {
      // By the text's own width, not `scrollWidth`, which rounds a cut of a fraction of a
      // pixel away (Chromium shows the `…` for it all the same).
      const text = document.createRange();
      text.selectNodeContents(part);
      const style = getComputedStyle(part);
      const r = part.getBoundingClientRect();
      const room = r.width - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      const cut = text.getBoundingClientRect().width > room + 0.01;
      const beside = parts.some((o) => o !== part && Math.abs(o.getBoundingClientRect().top - r.top) < r.height / 2);
      if (cut && part.classList.contains('folio')) {
        cutFolios++;
        say(`folio-cut ${head.textContent}`);
      } else if (cut && beside) {
        headsCutBeside++;
        say(`head-cut-beside-others ${part.className} ${room} of ${text.getBoundingClientRect().width} in ${head.textContent}`);
      }
      if (r.right > h.right + 0.5) {
        headsClipped++;
        say(`head-clipped ${part.className} ${r.left}–${r.right} in ${h.left}–${h.right}`);
      }
    }
  }
  say(`heads-cut-beside ${headsCutBeside}`);
  say(`heads-clipped ${headsClipped}`);
  say(`cut-folios ${cutFolios}`);

  const pre = document.createElement('pre');
  pre.id = 'measure';
  pre.textContent = '\n' + out.join('\n') + '\n';
  document.body.appendChild(pre);
})();
