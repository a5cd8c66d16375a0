/** SPEC.md's output for one text: its outline and its indicators, both in
 * document order. Every offset counts UTF-16 code units, end exclusive, as
 * `String.prototype.slice` does. */
export interface Annotation {
    sections: Section[];
    indicators: Indicator[];
    /** How the text was laid out, and what of that was read as no text. */
    layout: Layout;
}

/** What the layout layer did: text copied out of a PDF (wrapped lines,
 * page numbers, running heads) or a web page (its chrome) is read as the
 * report it holds; offsets still point into the text as given. */
export interface Layout {
    /** What the text was read as. */
    source: "text" | "pdf" | "web";
    line_ends: "lf" | "crlf" | "cr" | "mixed" | "none";
    /** The width the text was wrapped at, in full-width characters. */
    wrap_width: number | null;
    /** Line breaks read as inside a paragraph. */
    joined_lines: number;
    /** Page-number lines read as no text. */
    page_numbers: number;
    /** Running header and footer lines read as no text. */
    running_heads: number;
    /** Zero-width characters and soft hyphens read as nothing. */
    invisible: number;
    /** Spaces between digits or letter-spaced characters read as nothing. */
    spaces: number;
    /** A web page's chrome around the report, read as neither headings nor indicators. */
    chrome: Span[];
}

/** A stretch of the text, UTF-16 code units, end exclusive. */
export interface Span {
    start: number;
    end: number;
}

/** One heading of the outline. */
export interface Section {
    /** Index in `Annotation.sections`. */
    id: number;
    /** 1 is the top of the outline; a child is deeper than its parent. */
    level: number;
    /** The enumerator as written (`一、`, `（一）`, `一是`), or null. */
    marker: string | null;
    /** Heading text without marker and trailing `。：；，`. */
    title: string;
    /** Span of marker + title (+ trailing punctuation). */
    start: number;
    end: number;
    /** `id` of the enclosing section. */
    parent: number | null;
}

/** What sort of quantity a figure is. */
export type Kind = "level" | "change" | "rank" | "ratio";
/** Which way a `change` goes. */
export type Direction = "up" | "down";
/** How the true quantity relates to the written number. */
export type Comparator = "eq" | "approx" | "gt" | "ge" | "lt" | "le";
/** A reported result, an estimate or a goal. */
export type Status = "actual" | "estimate" | "target";
/** The span of time a figure covers: one year, a multi-year plan, a yearly
 * average over years, or a total over years (SPEC.md). */
export type Horizon = "year" | "plan" | "average" | "total";

/** One quantitative fact or target. */
export interface Indicator {
    /** Index in `Annotation.indicators`. */
    id: number;
    /** Span of the number expression: number + magnitude + unit. */
    start: number;
    end: number;
    /** The input sliced at `start..end`. */
    value_text: string;
    /** The number with its magnitude applied; null for a ratio or a vague amount. */
    value: number | null;
    /** Upper bound of a range. */
    value_max: number | null;
    /** Canonical unit (simplified, half-width, magnitude taken out). */
    unit: string | null;
    kind: Kind;
    direction: Direction | null;
    comparator: Comparator;
    status: Status;
    /** The span of time the figure covers. */
    horizon: Horizon;
    /** The noun phrase the number measures, as written. */
    metric: string | null;
    /** Span of `metric`. */
    metric_start: number | null;
    metric_end: number | null;
    /** The year the figure refers to, when its sentence writes it as a number. */
    year: number | null;
    /** `id` of the innermost section containing the figure. */
    section: number | null;
}

/** What glossing adds to an indicator (`Annotator.gloss`, the page in
 * English, `zhibiao annotate --english`). */
export interface English {
    /** The glossary's English of `metric` (`GDP`), `null` where it has none. */
    metric_en: string | null;
    /** The glossary's English of `unit` (`100 million yuan`); `""` for a
     * measure word English leaves out (个: a bare count). */
    unit_en: string | null;
}

/** An indicator with its English. */
export type GlossedIndicator = Indicator & English;

/** `gloss`'s result: the English of each metric and unit asked, in order,
 * `null` where the glossary has none. */
export interface Glosses {
    metrics: (string | null)[];
    units: (string | null)[];
}

/** The outcome for one target of `compare`. */
export type Verdict = "met" | "missed" | "not_comparable" | "not_judged" | "unmatched";

/** The rule behind a verdict (SPEC.md, Compare). */
export type ReasonCode =
    | "at_least" | "more_than" | "at_most" | "less_than"
    | "about_more_is_better" | "about_less_is_better" | "no_less_than" | "no_more_than"
    | "units_differ" | "structure_ratio" | "no_value"
    | "multi_year_target" | "year_not_reviewed"
    | "no_metric" | "generic_metric" | "no_result" | "no_result_for_year"
    | "only_multi_year_result" | "only_start_value" | "only_undated_in_multi_year_part";

/** A passage of a report: UTF-16 span into that report's text, and the text there. */
export interface Evidence {
    start: number;
    end: number;
    text: string;
}

/** A target of the earlier report, the result of the later one that
 * measures the same thing in the same year, and the verdict. */
export interface Pair {
    /** The target, with offsets into the earlier text. */
    target: Indicator;
    /** The matching result, with offsets into the later text. */
    result: Indicator | null;
    verdict: Verdict;
    /** The rule behind the verdict, stable for programs. */
    reason_code: ReasonCode;
    /** Why, in English: the comparison made, or what kept it from being made. */
    reason: string;
    /** One of the earlier report's `主要预期目标` targets. */
    headline: boolean;
    /** The result is an estimate (`预计`). */
    estimate: boolean;
    /** The year the target is for. */
    target_year: number | null;
    /** The year the result is for. */
    result_year: number | null;
    /** The normalised metric the two were matched on. */
    metric_key: string | null;
    /** 1 for the same metric key, less for a partial match, 0 unmatched. */
    match_score: number;
    match_basis: "same_metric" | "contains" | "overlap" | null;
    /** Why a match below 1 is uncertain. */
    match_note: string | null;
    /** The target's sentence (or a window of it), offsets into the earlier text. */
    target_evidence: Evidence;
    /** The result's sentence (or a window of it), offsets into the later text. */
    result_evidence: Evidence | null;
}

/** Counts of the verdicts. */
export interface Summary {
    targets: number;
    headline: number;
    met: number;
    missed: number;
    not_comparable: number;
    not_judged: number;
    unmatched: number;
}

/** The reports' years: `old`'s targets are for `old`; `new` reviews `reviewed`. */
export interface Years {
    old: number | null;
    new: number | null;
    reviewed: number | null;
}

/** A caution for the whole comparison. */
export interface Warning {
    code: "not_consecutive" | "not_later" | "years_unknown";
    message: string;
}

/** `compare`'s result: one pair per target of the earlier report,
 * headline targets first. */
export interface Comparison {
    years: Years;
    warning: Warning | null;
    pairs: Pair[];
    summary: Summary;
}

/** `exportWebAnnotations`'s result: a W3C Web Annotation collection
 * (JSON-LD), one `Annotation` per indicator. */
export interface WebAnnotationCollection {
    "@context": "http://www.w3.org/ns/anno.jsonld";
    id: string;
    type: "AnnotationCollection";
    label: string;
    total: number;
    generator: { type: "Software"; name: string };
    first: {
        id: string;
        type: "AnnotationPage";
        startIndex: number;
        items: WebAnnotation[];
    };
}

/** One indicator as a W3C Annotation. Positions count code points. */
export interface WebAnnotation {
    id: string;
    type: "Annotation";
    motivation: "describing";
    body: {
        type: "TextualBody";
        purpose: "describing" | "classifying";
        format: "text/plain" | "application/json";
        language?: string;
        value: string;
    }[];
    target: {
        source: string;
        selector: [
            { type: "TextQuoteSelector"; exact: string; prefix: string; suffix: string },
            { type: "TextPositionSelector"; start: number; end: number },
        ];
    };
}

/** What a report of a series says of itself (`SeriesRun.push`). */
export interface SeriesReport {
    source: string;
    report: number;
    issuer: string | null;
    year: number | null;
}

/** One row of the series table (SPEC §5): one report's figure for one
 * metric key, kind, unit, status, horizon and year. */
export interface SeriesRow {
    source: string;
    report: number;
    issuer: string | null;
    report_year: number | null;
    year: number | null;
    metric: string | null;
    metric_key: string;
    status: Status;
    horizon: Horizon;
    kind: Kind;
    direction: Direction | null;
    value: number | null;
    value_max: number | null;
    comparator: Comparator;
    unit: string | null;
    value_text: string;
    headline: boolean;
    mentions: number;
    id: number;
    start: number;
    end: number;
    evidence: Evidence;
}

/** A target of one report next to the result of its issuer's next report. */
export interface SeriesJoined extends Pair {
    issuer: string;
    target_source: string;
    target_report_year: number | null;
    result_source: string;
    result_report_year: number | null;
    warning: Warning["code"] | null;
}

/** One report's part of a series (`SeriesRun.push`). */
export interface SeriesStep {
    report: SeriesReport;
    rows: SeriesRow[];
    joined: SeriesJoined[];
    /** Why the report was not joined with an earlier one of its issuer. */
    note: string | null;
}
