// storage.js: keeps the drafts (the report box, and the two boxes of compare
// mode), the interface language and the mode in localStorage, so a reload
// brings back what the user was working on.
//
// Each tab keeps its drafts in slots of its own (`zhibiao.<kind>.<tab>`; the
// tab's id lives in sessionStorage, which a reload keeps): two tabs never
// overwrite each other's text. A new tab starts from the draft saved last in
// any tab; the drafts of other tabs, open or closed, stay listed
// (otherDrafts) until there are more than MAX_DRAFTS. `zhibiao.draft` says
// which tab saved last (index.html's boot script only asks whether it is
// set; before per-tab slots it held the draft itself, which is read once as
// the draft saved last).
//
// A write the browser refuses (storage full or disabled) keeps the draft
// saved before, and marks it stale so that the next load can say so; the
// caller tells the user at once. Storage can be absent (private windows,
// sandboxed frames): every call degrades to "not saved" instead of throwing.

const LATEST_KEY = 'zhibiao.draft';
const LANGUAGE_KEY = 'zhibiao.lang';
const MODE_KEY = 'zhibiao.mode';
const TAB_KEY = 'zhibiao.tab';
/** Drafts kept, the oldest dropped first: a tab's draft is rewritten each time it is saved. */
export const MAX_DRAFTS = 20;
/** The kinds of draft: the report box, compare mode's earlier and later report. */
const KINDS = ['draft', 'compare.old', 'compare.new'];

function store() {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

function get(key) {
  try {
    return store()?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function set(key, value) {
  const s = store();
  if (!s) return false;
  try {
    s.setItem(key, value);
    return true;
  } catch {
    return false;
  }
}

function remove(key) {
  try {
    store()?.removeItem(key);
  } catch {
    // nothing more to do
  }
}

let tab = null;
/** Whether this tab got its id on this load: a new tab, not a reload. */
let fresh = false;

/** This tab's id: kept in sessionStorage, so a reload keeps it. */
function tabId() {
  if (tab) return tab;
  try {
    tab = sessionStorage.getItem(TAB_KEY);
  } catch {
    tab = null;
  }
  if (!tab) {
    fresh = true;
    tab = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
    try {
      sessionStorage.setItem(TAB_KEY, tab);
    } catch {
      // a tab without sessionStorage gets a new slot on each load
    }
  }
  return tab;
}

const slot = (kind, id) => `zhibiao.${kind}.${id}`;

/** The draft saved last in any tab, and by which: `{ id, legacy }`. */
function latest() {
  const value = get(LATEST_KEY);
  if (value === null) return null;
  if (value.startsWith('{"tab":')) {
    try {
      return { id: JSON.parse(value).tab, legacy: null };
    } catch {
      return null;
    }
  }
  return { id: null, legacy: value }; // a draft saved before per-tab slots
}

/** The slots of one kind: `[{ id, at }]`, newest first. */
function slots(kind) {
  const s = store();
  if (!s) return [];
  const out = [];
  const prefix = `zhibiao.${kind}.`;
  try {
    for (let k = 0; k < s.length; k++) {
      const key = s.key(k);
      if (key?.startsWith(prefix) && !key.endsWith('.at') && !key.endsWith('.stale')) {
        const id = key.slice(prefix.length);
        out.push({ id, at: Number(s.getItem(`${key}.at`)) || 0 });
      }
    }
  } catch {
    return out;
  }
  return out.sort((a, b) => b.at - a.at);
}

/**
 * This tab's draft of `kind` ('draft', 'compare.old', 'compare.new'); a new
 * tab starts from the draft of that kind saved last in any tab.
 * `{ text, at, stale }`: when it was saved, and whether a later change could
 * not be saved.
 */
export function loadDraft(kind = 'draft') {
  const id = tabId();
  let text = get(slot(kind, id));
  let from = id;
  if (text === null) {
    // a draft saved before per-tab slots becomes this tab's
    const legacyKey = kind === 'draft' ? LATEST_KEY : `zhibiao.${kind}`;
    const legacy = kind === 'draft' ? latest()?.legacy : get(legacyKey);
    if (legacy != null) {
      if (saveDraft(legacy, kind) && kind !== 'draft') remove(legacyKey);
      return { text: legacy, at: 0, stale: false };
    }
    // a new tab starts from the draft saved last; a reloaded tab that
    // cleared its own stays empty
    const newest = fresh ? slots(kind)[0] : null;
    if (newest) {
      text = get(slot(kind, newest.id));
      from = newest.id;
    }
  }
  if (text === null) return { text: '', at: 0, stale: false };
  const staleKey = `${slot(kind, from)}.stale`;
  let stale = get(staleKey) !== null;
  try {
    stale ||= sessionStorage.getItem(staleKey) !== null;
  } catch {
    // only localStorage's mark
  }
  return { text, at: Number(get(`${slot(kind, from)}.at`)) || 0, stale };
}

/**
 * Saves this tab's draft of `kind`; false when the browser refused (quota,
 * privacy mode): the draft saved before stays, marked stale.
 */
export function saveDraft(text, kind = 'draft') {
  const id = tabId();
  const key = slot(kind, id);
  if (text === '') {
    remove(key);
    remove(`${key}.at`);
    remove(`${key}.stale`);
    return true;
  }
  if (!set(key, text)) {
    // the mark goes where there is room: a full localStorage cannot take
    // it, and the tab's sessionStorage outlives a reload too
    if (!set(`${key}.stale`, '1')) {
      try {
        sessionStorage.setItem(`${key}.stale`, '1');
      } catch {
        // the caller says it now
      }
    }
    return false;
  }
  set(`${key}.at`, String(Date.now()));
  remove(`${key}.stale`);
  try {
    sessionStorage.removeItem(`${key}.stale`);
  } catch {
    // none there
  }
  if (kind === 'draft') set(LATEST_KEY, JSON.stringify({ tab: id }));
  prune(kind);
  return true;
}

/** Drops the oldest drafts of `kind` past MAX_DRAFTS (never this tab's). */
function prune(kind) {
  const all = slots(kind);
  for (const { id } of all.slice(MAX_DRAFTS)) {
    if (id === tabId()) continue;
    for (const suffix of ['', '.at', '.stale']) remove(`${slot(kind, id)}${suffix}`);
  }
}

export function clearDraft(kind = 'draft') {
  return saveDraft('', kind);
}

/**
 * The report-box drafts of other tabs, open or closed, newest first, each
 * text once and none the same as `current`: `[{ id, at, length, preview }]`.
 */
export function otherDrafts(current = '') {
  const seen = new Set([current]);
  const out = [];
  for (const { id, at } of slots('draft')) {
    const text = id === tabId() ? null : get(slot('draft', id));
    if (!text || seen.has(text)) continue;
    seen.add(text);
    out.push({ id, at, length: text.length, preview: text.trim().slice(0, 24) });
  }
  return out;
}

/**
 * Makes another tab's draft this tab's: this tab's own draft stays saved
 * under its old slot (and listed by otherDrafts). Returns the text.
 */
export function adoptDraft(id) {
  const text = get(slot('draft', id));
  if (text === null) return null;
  tab = id;
  try {
    sessionStorage.setItem(TAB_KEY, id);
  } catch {
    // this load keeps it
  }
  set(LATEST_KEY, JSON.stringify({ tab: id }));
  return text;
}

/** Compare mode's drafts: `side` is 'old' (targets) or 'new' (results). */
export function loadCompareDraft(side) {
  return loadDraft(compareKind(side)).text;
}

export function saveCompareDraft(side, text) {
  return saveDraft(text, compareKind(side));
}

function compareKind(side) {
  const kind = `compare.${side}`;
  if (!KINDS.includes(kind)) throw new RangeError(`no compare side '${side}'`);
  return kind;
}

/** 'annotate' or 'compare', or null when none was chosen yet. */
export function loadMode() {
  const mode = get(MODE_KEY);
  return mode === 'annotate' || mode === 'compare' || mode === 'series' ? mode : null;
}

export function saveMode(mode) {
  set(MODE_KEY, mode);
}

export function loadLanguage() {
  return get(LANGUAGE_KEY);
}

export function saveLanguage(lang) {
  set(LANGUAGE_KEY, lang);
}
