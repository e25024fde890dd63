// The page viewer: one page at a time; ←/→, Home/End, PageUp/PageDown, swipes and the buttons
// turn pages. For right-to-left issues the arrows and swipes swap meaning: → goes back, ← forward.
// The page number is kept in the address (#page=3) so a page can be linked to.
(() => {
  const data = JSON.parse(document.getElementById('issue-data').textContent);
  const pages = Array.isArray(data.pages) ? data.pages : [];
  const rtl = data.direction === 'rtl';
  const image = document.getElementById('page');
  const counter = document.getElementById('counter');
  const prev = document.getElementById('prev');
  const next = document.getElementById('next');
  const stage = document.getElementById('stage');
  let index = 0;

  const fromHash = () => {
    const match = /^#page=(\d+)$/.exec(location.hash);
    return match ? Number(match[1]) - 1 : 0;
  };

  const preload = (i) => {
    if (i >= 0 && i < pages.length) new Image().src = pages[i];
  };

  const show = (i) => {
    if (!image || pages.length === 0) return;
    index = Math.min(Math.max(i, 0), pages.length - 1);
    image.src = pages[index];
    image.alt = `Page ${index + 1} of ${pages.length}`;
    counter.textContent = `${index + 1} / ${pages.length}`;
    prev.disabled = index === 0;
    next.disabled = index === pages.length - 1;
    document.body.dataset.page = String(index + 1);
    history.replaceState(null, '', `#page=${index + 1}`);
    preload(index + 1);
    preload(index - 1);
  };
  const forward = () => show(index + 1);
  const back = () => show(index - 1);

  document.addEventListener('keydown', (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const actions = {
      ArrowRight: rtl ? back : forward,
      ArrowLeft: rtl ? forward : back,
      PageDown: forward,
      PageUp: back,
      Home: () => show(0),
      End: () => show(pages.length - 1),
    };
    const action = actions[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  });

  prev?.addEventListener('click', back);
  next?.addEventListener('click', forward);

  // A horizontal swipe: right to left turns forward (left to right for right-to-left issues).
  let start;
  stage?.addEventListener('pointerdown', (event) => {
    start = { x: event.clientX, y: event.clientY };
  });
  stage?.addEventListener('pointerup', (event) => {
    if (!start) return;
    const dx = event.clientX - start.x;
    const dy = event.clientY - start.y;
    start = undefined;
    if (Math.abs(dx) < 40 || Math.abs(dx) < Math.abs(dy)) return;
    const towardsLeft = dx < 0;
    if (towardsLeft !== rtl) forward();
    else back();
  });
  stage?.addEventListener('pointercancel', () => {
    start = undefined;
  });

  window.addEventListener('hashchange', () => show(fromHash()));
  show(fromHash());
})();
