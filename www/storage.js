// storage.js: keeps the drafts (the report box, and the two boxes of compare
// mode), the interface language and the mode in localStorage, so a reload
// brings back what the user was working on.
// Storage can be full, disabled or absent (private windows, sandboxed
// frames); every call here degrades to "not saved" instead of throwing.

const DRAFT_KEY = 'zhibiao.draft';
const LANGUAGE_KEY = 'zhibiao.lang';
const MODE_KEY = 'zhibiao.mode';
/** Compare mode's two drafts: the earlier report (targets) and the later one (results). */
const COMPARE_KEYS = { old: 'zhibiao.compare.old', new: 'zhibiao.compare.new' };

function store() {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

function loadText(key) {
  try {
    return store()?.getItem(key) ?? '';
  } catch {
    return '';
  }
}

function saveText(key, text) {
  const s = store();
  if (!s) return false;
  try {
    if (text === '') s.removeItem(key);
    else s.setItem(key, text);
    return true;
  } catch {
    // A failed write must not leave an older, different draft behind.
    try {
      s.removeItem(key);
    } catch {
      // nothing more to do
    }
    return false;
  }
}

export function loadDraft() {
  return loadText(DRAFT_KEY);
}

/** Saves the draft; returns false when the browser refused (quota, privacy mode). */
export function saveDraft(text) {
  return saveText(DRAFT_KEY, text);
}

export function clearDraft() {
  return saveDraft('');
}

function compareKey(side) {
  const key = COMPARE_KEYS[side];
  if (!key) throw new RangeError(`no compare side '${side}'`);
  return key;
}

/** One of compare mode's drafts: `side` is 'old' (targets) or 'new' (results). */
export function loadCompareDraft(side) {
  return loadText(compareKey(side));
}

/** Saves one of compare mode's drafts; false when the browser refused. */
export function saveCompareDraft(side, text) {
  return saveText(compareKey(side), text);
}

/** 'annotate' or 'compare', or null when none was chosen yet. */
export function loadMode() {
  const mode = loadText(MODE_KEY);
  return mode === 'annotate' || mode === 'compare' ? mode : null;
}

export function saveMode(mode) {
  saveText(MODE_KEY, mode);
}

export function loadLanguage() {
  try {
    return store()?.getItem(LANGUAGE_KEY) ?? null;
  } catch {
    return null;
  }
}

export function saveLanguage(lang) {
  try {
    store()?.setItem(LANGUAGE_KEY, lang);
  } catch {
    // the choice just won't survive a reload
  }
}
