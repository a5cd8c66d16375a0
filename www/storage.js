// storage.js: keeps the draft text and the interface language in
// localStorage, so a reload brings back what the user was working on.
// Storage can be full, disabled or absent (private windows, sandboxed
// frames); every call here degrades to "not saved" instead of throwing.

const DRAFT_KEY = 'zhibiao.draft';
const LANGUAGE_KEY = 'zhibiao.lang';

function store() {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

export function loadDraft() {
  try {
    return store()?.getItem(DRAFT_KEY) ?? '';
  } catch {
    return '';
  }
}

/** Saves the draft; returns false when the browser refused (quota, privacy mode). */
export function saveDraft(text) {
  const s = store();
  if (!s) return false;
  try {
    if (text === '') s.removeItem(DRAFT_KEY);
    else s.setItem(DRAFT_KEY, text);
    return true;
  } catch {
    // A failed write must not leave an older, different draft behind.
    try {
      s.removeItem(DRAFT_KEY);
    } catch {
      // nothing more to do
    }
    return false;
  }
}

export function clearDraft() {
  return saveDraft('');
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
