// The issue viewer. Page view shows one page at a time; panel view (guided view) zooms to each
// panel in reading order, using the panel rectangles compose wrote to screen/pages.json (right to
// left for manga: the rectangles are already in reading order). A panel whose lettering would be
// smaller than MIN_LETTERING_PX when the whole panel fits is zoomed until it is not, and shown in
// as many views as it has balloons and captions, each centred on one.
// ←/→, Home/End, PageUp/PageDown, swipes, taps and the buttons move; G toggles the view. For
// right-to-left issues the arrows, swipes and taps swap meaning. The position is kept in the
// address (#page=3, #page=3&panel=2, #page=3&panel=2&view=2) so it can be linked to.
(() => {
  const MIN_LETTERING_PX = 12.5;
  /** The narrowest `sizes` value in panel view, so a zoomed panel is drawn from a sharper file. */
  const MAX_SIZES_PX = 640;
  const data = JSON.parse(document.getElementById('issue-data').textContent);
  const pages = Array.isArray(data.pages) ? data.pages : [];
  const rtl = data.direction === 'rtl';
  const byId = (id) => document.getElementById(id);
  const image = byId('page');
  const webp = byId('page-webp');
  const counter = byId('counter');
  const prev = byId('prev');
  const next = byId('next');
  const stage = byId('stage');
  const modeButton = byId('mode');
  const panelText = byId('panel-text');
  const guidable = pages.some((page) => page.panels?.length > 0);

  let index = 0;
  let mode = 'page';
  /** Position in panel view: the views of the current page, and which one is shown. */
  let views = [];
  let view = 0;

  /** The page's size as shown whole in the stage, and the stage's size (CSS px). */
  const fit = (page) => {
    const sw = stage.clientWidth;
    const sh = stage.clientHeight;
    const ratio =
      page.height && page.width
        ? page.height / page.width
        : image.naturalHeight / image.naturalWidth || 1.5;
    const width = Math.min(sw, sh / ratio);
    return { sw, sh, width, height: width * ratio };
  };

  /**
   * The views of a page in panel view: per panel, the zoom that fits it whole, raised until its
   * smallest lettering is MIN_LETTERING_PX tall; when raised, one view per lettering item,
   * centred on it and kept inside the panel.
   */
  const viewsOf = (page) => {
    const { sw, sh, width, height } = fit(page);
    const panels = page.panels?.length
      ? page.panels
      : [{ rect: { x: 0, y: 0, w: 1, h: 1 }, lettering: [] }];
    const result = [];
    panels.forEach((panel, number) => {
      const r = panel.rect;
      const lettering = panel.lettering ?? [];
      const smallest = Math.min(...lettering.map((item) => item.size));
      const fitScale = Math.min(sw / (r.w * width), sh / (r.h * height));
      const readable = lettering.length ? MIN_LETTERING_PX / (smallest * height) : 0;
      const scale = Math.max(fitScale, readable);
      const centre = (x, y) => ({ panel: number, scale, x, y });
      if (scale <= fitScale * 1.0001) {
        result.push(centre(r.x + r.w / 2, r.y + r.h / 2));
        return;
      }
      // The part of the page the stage shows at this zoom, as fractions of the page.
      const vw = sw / (scale * width);
      const vh = sh / (scale * height);
      const clamp = (value, start, size, span) =>
        span >= size
          ? start + size / 2
          : Math.min(Math.max(value, start + span / 2), start + size - span / 2);
      const centres = lettering.map((item) =>
        centre(
          clamp(item.rect.x + item.rect.w / 2, r.x, r.w, vw),
          clamp(item.rect.y + item.rect.h / 2, r.y, r.h, vh),
        ),
      );
      for (const c of centres) {
        const last = result[result.length - 1];
        const same =
          last &&
          last.panel === number &&
          Math.abs(last.x - c.x) < vw * 0.2 &&
          Math.abs(last.y - c.y) < vh * 0.2;
        if (!same) result.push(c);
      }
    });
    return result;
  };

  /** Places the page image: whole and centred, or zoomed to the current view. */
  const place = () => {
    const page = pages[index];
    if (!image || !page) return;
    const { sw, sh, width, height } = fit(page);
    const target = mode === 'panel' ? views[view] : undefined;
    const scale = target ? target.scale : 1;
    const tx = target ? sw / 2 - scale * target.x * width : (sw - width) / 2;
    const ty = target ? sh / 2 - scale * target.y * height : (sh - height) / 2;
    image.style.width = `${width}px`;
    image.style.height = `${height}px`;
    image.style.transform = `translate(${tx}px, ${ty}px) scale(${scale})`;
    const sizes = `${Math.round(mode === 'panel' ? Math.max(width, Math.min(width * scale, MAX_SIZES_PX)) : width)}px`;
    // Setting `sizes`, even to the same value, makes the browser load the picture again.
    if (image.hasAttribute('srcset') && image.sizes !== sizes) image.sizes = sizes;
    if (webp && webp.sizes !== sizes) webp.sizes = sizes;
  };

  const fromHash = () => {
    const params = new URLSearchParams(location.hash.slice(1));
    const number = (key) =>
      /^\d+$/.test(params.get(key) ?? '') ? Number(params.get(key)) : undefined;
    return { page: (number('page') ?? 1) - 1, panel: number('panel'), view: number('view') };
  };

  const preload = (i) => {
    if (i >= 0 && i < pages.length) new Image().src = pages[i].src;
  };

  const setSource = (page) => {
    if (image.dataset.src === page.src) return;
    image.dataset.src = page.src;
    if (webp) webp.srcset = page.webp ?? '';
    if (page.jpeg) image.srcset = page.jpeg;
    else image.removeAttribute('srcset');
    image.src = page.src;
  };

  /** Shows page `i` (clamped); in panel view its view `v` (negative: counted from the end). */
  const show = (i, v = 0) => {
    if (!image || pages.length === 0) return;
    index = Math.min(Math.max(i, 0), pages.length - 1);
    const page = pages[index];
    setSource(page);
    image.alt = page.alt;
    views = mode === 'panel' ? viewsOf(page) : [];
    view = views.length ? Math.min(Math.max(v < 0 ? views.length + v : v, 0), views.length - 1) : 0;
    place();
    const target = views[view];
    const panelCount = page.panels?.length || 1;
    counter.textContent =
      mode === 'panel' && target
        ? `${index + 1} / ${pages.length} · panel ${target.panel + 1} / ${panelCount}`
        : `${index + 1} / ${pages.length}`;
    if (panelText) panelText.textContent = target ? (page.panels?.[target.panel]?.text ?? '') : '';
    const first = index === 0 && view === 0;
    const last = index === pages.length - 1 && view >= views.length - 1;
    prev.disabled = first;
    next.disabled = last;
    const unit = mode === 'panel' ? 'panel' : 'page';
    prev.setAttribute('aria-label', `Previous ${unit}`);
    next.setAttribute('aria-label', `Next ${unit}`);
    document.body.dataset.page = String(index + 1);
    document.body.dataset.mode = mode;
    document.body.dataset.panel = target ? String(target.panel + 1) : '';
    document.body.dataset.view = target ? String(view + 1) : '';
    let hash = `#page=${index + 1}`;
    if (target) {
      hash += `&panel=${target.panel + 1}`;
      const firstOfPanel = views.findIndex((candidate) => candidate.panel === target.panel);
      if (view > firstOfPanel) hash += `&view=${view - firstOfPanel + 1}`;
    }
    if (location.hash !== hash) history.replaceState(null, '', hash);
    preload(index + 1);
    preload(index - 1);
  };

  const forward = () => {
    if (mode === 'panel' && view < views.length - 1) show(index, view + 1);
    else if (index < pages.length - 1) show(index + 1, 0);
  };
  const back = () => {
    if (mode === 'panel' && view > 0) show(index, view - 1);
    else if (index > 0) show(index - 1, -1);
  };

  const setMode = (next, position) => {
    mode = next === 'panel' && guidable ? 'panel' : 'page';
    modeButton?.setAttribute('aria-pressed', String(mode === 'panel'));
    if (modeButton) modeButton.textContent = mode === 'panel' ? 'Page view' : 'Panel view';
    if (position) {
      const page = pages[Math.min(Math.max(position.page, 0), pages.length - 1)];
      const all = page && mode === 'panel' ? viewsOf(page) : [];
      const firstOfPanel = all.findIndex(
        (candidate) => candidate.panel === (position.panel ?? 1) - 1,
      );
      show(position.page, Math.max(firstOfPanel, 0) + (position.view ?? 1) - 1);
    } else {
      const panel = views[view]?.panel;
      show(index, 0);
      if (panel !== undefined)
        show(
          index,
          views.findIndex((candidate) => candidate.panel === panel),
        );
    }
  };

  const openFromHash = () => {
    const position = fromHash();
    setMode(position.panel !== undefined ? 'panel' : 'page', position);
  };

  document.addEventListener('keydown', (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const actions = {
      ArrowRight: rtl ? back : forward,
      ArrowLeft: rtl ? forward : back,
      PageDown: forward,
      PageUp: back,
      ' ': forward,
      Home: () => show(0, 0),
      End: () => show(pages.length - 1, -1),
      g: () => setMode(mode === 'panel' ? 'page' : 'panel'),
    };
    const action = actions[event.key];
    if (!action || (event.key === ' ' && event.target instanceof HTMLButtonElement)) return;
    event.preventDefault();
    action();
  });

  prev?.addEventListener('click', back);
  next?.addEventListener('click', forward);
  modeButton?.addEventListener('click', () => setMode(mode === 'panel' ? 'page' : 'panel'));

  // A horizontal swipe: right to left moves forward (left to right for right-to-left issues).
  // A tap moves forward on the side reading goes to, back on the other.
  let start;
  stage?.addEventListener('pointerdown', (event) => {
    start = { x: event.clientX, y: event.clientY };
  });
  stage?.addEventListener('pointerup', (event) => {
    if (!start) return;
    const dx = event.clientX - start.x;
    const dy = event.clientY - start.y;
    start = undefined;
    if (Math.abs(dx) < 10 && Math.abs(dy) < 10) {
      const bounds = stage.getBoundingClientRect();
      const onRight = event.clientX > bounds.left + bounds.width / 2;
      if (onRight !== rtl) forward();
      else back();
      return;
    }
    if (Math.abs(dx) < 40 || Math.abs(dx) < Math.abs(dy)) return;
    const towardsLeft = dx < 0;
    if (towardsLeft !== rtl) forward();
    else back();
  });
  stage?.addEventListener('pointercancel', () => {
    start = undefined;
  });

  image?.addEventListener('load', place);
  window.addEventListener('resize', () => show(index, view));
  window.addEventListener('hashchange', () => {
    const position = fromHash();
    const wanted = position.panel !== undefined ? 'panel' : 'page';
    if (wanted !== mode || position.page !== index) openFromHash();
  });
  openFromHash();
})();
