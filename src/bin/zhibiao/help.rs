//! The texts of `zhibiao --help` and of each command's `--help` (also
//! `zhibiao help COMMAND`), as printed. Each is a clap help template, in
//! which clap fills in the usage line ({usage}), the commands
//! ({subcommands}), each argument's and option's line of help from args.rs
//! ({positionals}, {options}) and the command's `_AFTER` text
//! ({after-help}: two line ends, then the text). Nothing is wrapped. In a
//! template a brace starts a tag (clap drops a `{` with no `}` after it),
//! so JSON examples go in the `_AFTER` texts.

pub const MAIN: &str = "\
zhibiao (指标) marks the outline and the numeric indicators of a Chinese
government or party work report.

usage: {usage}

commands:
{subcommands}

options:
{options}

Run 'zhibiao annotate --help' for the output formats, input encodings,
offsets, exit statuses and examples.";

pub const ANNOTATE: &str = "\
zhibiao annotate: print the sections and indicators of report files

usage: {usage}

Reads each FILE, or standard input when no FILE is given or for '-', and
prints its outline (sections) and its numeric indicators with the fields
described in SPEC.md. Text with nothing to annotate is not an error: it gives
empty lists.

arguments:
{positionals}

options:
{options}{after-help}";

/// Printed verbatim after the options (`{after-help}`): braces are
/// template tags only in the text above.
pub const ANNOTATE_AFTER: &str = "\
formats:
  json    one FILE: the annotation object
            {\"sections\": [...], \"indicators\": [...]}
          several FILEs: an array with one object per FILE that could be
          read, in the order given:
            [{\"file\": NAME, \"sections\": [...], \"indicators\": [...]}, ...]
          The shape follows how many FILEs are named, not how many could be
          read, so a script always gets the shape it asked for.
  jsonl   one line per FILE that could be read:
            {\"file\": NAME, \"sections\": [...], \"indicators\": [...]}
  csv     a header row, then one row per indicator of every FILE:
            file,id,start,end,value_text,value,value_max,unit,kind,direction,
            comparator,status,horizon,metric,year,section,section_path,context
          horizon is the span of time the figure covers: year, plan,
          average or total (SPEC.md). section_path joins the titles from
          the top of the outline down to the indicator's section with
          \" > \", each title cut at 30 characters (ending in \"…\").
  web-annotation
          W3C Web Annotations (JSON-LD) for annotation tools such as
          Hypothesis: per FILE, one AnnotationCollection (a line, or
          indented with --pretty) with one Annotation per indicator: a
          TextQuoteSelector (the figure, 32 characters before and after)
          and a TextPositionSelector counted in code points, the indicator's
          fields as a JSON body; the source is the file's file: URL
          (standard input: a urn:uuid made from the text).
          context is the text around the figure, trimmed, each run of
          whitespace one space: its sentence (which ends at 。！？!? or a
          line end), but at most 60 characters on each side and at most one
          other figure on each side, then cut back to a clause end (，；：)
          or, inside the figure's own clause, marked \"…\". So the CSV grows
          linearly with the text. An empty field is null. Numbers are plain
          decimals (1950000000000, never 1.95e12). A text field that a
          spreadsheet would run as a formula (it begins with = + - @, a tab
          or a line break, and is not a number such as -3.2) is written in
          quotes after a ' (OWASP's advice on CSV injection).
          RFC 4180: UTF-8 without a byte-order mark, CRLF line ends, a field
          quoted (with \"\" for a quote) when it holds a comma, quote or line
          break. Excel reads UTF-8 CSV only after a byte-order mark:
            (printf '\\357\\273\\277'; zhibiao annotate -f csv r.txt) > r.csv
  NAME is the FILE as given on the command line, \"-\" for standard input.

english (--english):
  Adds the English of each indicator's metric and unit from zhibiao's
  glossary, in the wording of the official English versions of the work
  reports (地区生产总值 GDP, 城镇调查失业率 surveyed urban unemployment rate,
  亩 mu (1/15 hectare)): the fields metric_en and unit_en after each
  indicator's fields (json, jsonl), or two last columns (csv). metric_en is
  null (empty) where some word of the metric is not in the glossary: it is
  never guessed. unit_en is \"\" for a measure word English leaves out (个,
  项: a bare count).

input encodings:
  UTF-8, UTF-16 with a byte-order mark, GB18030 (a superset of GBK and
  GB2312) and Big5, told apart by the same rules as the web page's (GB18030
  and Big5 by their byte structure). A leading byte-order mark is dropped,
  as the browser's TextDecoder does; UTF-8 cut inside its last character
  ends in one U+FFFD, as there too. Anything else is skipped with the reason:
  a NUL byte (a binary file, or UTF-16 without a byte-order mark), CESU-8,
  bytes malformed in the encoding they look like, or another script's
  encoding ('not Chinese text: ...'). Input over 256 MiB (no report comes
  near it) is refused the same way, as 'larger than 256 MiB'.

offsets:
  start, end, metric_start and metric_end count UTF-16 code units from the
  start of the decoded text (after a dropped byte-order mark), end exclusive:
  what JavaScript's String.prototype.slice uses. A character outside the BMP,
  such as 𠀀 or an emoji, counts 2. Line ends are kept as written: CRLF
  counts 2.

exit status:
  0  every FILE was annotated (also when the reader of the output stops
     early, as 'head' does: the run then ends quietly)
  2  a bad option or command; or some FILE could not be read or decoded
     (reported on standard error as 'zhibiao: FILE: reason'; the other
     FILEs are still annotated and printed); or the output could not be
     written

examples:
  zhibiao annotate report.txt
  zhibiao annotate --pretty report.txt
  zhibiao annotate < report.txt
  zhibiao annotate --format jsonl reports/*.txt > reports.jsonl
  zhibiao annotate --format csv reports/*.txt > indicators.csv";

pub const COMPARE: &str = "\
zhibiao compare: the targets of one report against the results of the next

usage: {usage}

Annotates OLD (a report that sets targets, e.g. the 2017 work report) and
NEW (the report that gives the results, e.g. the 2018 one), and pairs every
target of OLD that has a value with the result of NEW that measures the same
thing in the same year: the same metric (normalised: simplified script, no
全市/全省/全国, 地区生产总值 = 国内生产总值 = GDP, 居民消费价格涨幅 = CPI …),
the same kind and the same unit.

Years: each report's year comes from its byline or title (——2018年3月5日,
2017年政府工作报告), else its headings (一、2016年工作回顾 is the 2017
report's). A report of year Y sets targets for Y and reviews Y-1. When NEW
is not OLD's next year's report, a warning is printed (and is on top of the
JSON) and only results NEW dates to a target's year are used.

A result is one year's figure: never a yearly average or a total over years
(年均, 五年累计, 过去五年), never the start of 由A提高到B; an estimate (预计)
counts and is marked. Metrics that name nothing measurable (完成, 覆盖, 规模)
match nothing. The targets of the 主要预期目标 paragraph (headline) come first.

Each target gets a verdict, with a reason code, a reason and the sentences
of both figures as evidence:
  met             the result meets the target's comparator (左右: within
                  0.5 points for a percentage, 5% for an amount; 以上, 超过,
                  以内, 控制在 …; less is better for prices, unemployment,
                  energy use, deficits and debt, and for falls)
  missed          it does not
  not_comparable  a result measures the same thing in another unit, or has
                  no value
  not_judged      the target spans several years, or is for a year NEW
                  does not review (到2020年)
  unmatched       no result of NEW measures the same thing in the
                  target's year (the reason says what NEW has instead)
Either file may be '-' for standard input (not both).

arguments:
{positionals}

options:
{options}{after-help}";

/// Printed verbatim after the options (`{after-help}`): braces are
/// template tags only in the text above.
pub const COMPARE_AFTER: &str = "\
formats:
  json    {\"years\": {\"old\": Y, \"new\": Y, \"reviewed\": Y},
           \"warning\": {\"code\": ..., \"message\": ...} or null,
           \"pairs\": [{\"target\": INDICATOR, \"result\": INDICATOR or null,
            \"verdict\": ..., \"reason_code\": ..., \"reason\": ...,
            \"headline\": ..., \"estimate\": ..., \"target_year\": ...,
            \"result_year\": ..., \"metric_key\": ..., \"match_score\": ...,
            \"match_basis\": ..., \"match_note\": ...,
            \"target_evidence\": EVIDENCE, \"result_evidence\": EVIDENCE}, ...],
           \"summary\": {\"targets\": N, \"headline\": N, \"met\": N,
            \"missed\": N, \"not_comparable\": N, \"not_judged\": N,
            \"unmatched\": N}}
          with INDICATOR as in SPEC.md (offsets into OLD or NEW) and
          EVIDENCE {\"start\", \"end\", \"text\"} (SPEC.md, Compare).
  csv     a header row, then one row per target, headline targets first:
            headline,verdict,reason_code,metric_key,match_score,match_basis,
            target_year,target_id,target_value_text,target_value,
            target_value_max,target_unit,target_kind,target_direction,
            target_comparator,target_horizon,target_metric,
            target_year_written,result_year,result_id,result_value_text,
            result_value,result_value_max,result_unit,result_status,
            result_estimate,result_metric,result_year_written,reason,
            match_note,target_evidence,result_evidence
          With --english, two more: target_metric_en,result_metric_en,
          the glossary's English of both metrics (see annotate --help).

exit status: 0 when both reports were read; 2 for a bad option or a file
that could not be read or decoded.

example:
  zhibiao compare --format csv report-2017.txt report-2018.txt > targets.csv";

pub const REFLOW: &str = "\
zhibiao reflow: print a report as annotate reads it

usage: {usage}

Prints FILE (or standard input) as 'zhibiao annotate' reads it: a text
copied out of a PDF with its wrapped lines joined into paragraphs and its
page numbers and running headers left out; a web page's menus and footer
around the report left out; zero-width characters, soft hyphens and the
spaces of letter-spaced digits (1 9 9 7) dropped; line ends of a lone CR
made LF. A text laid out a paragraph a line is printed as it is. What was
done is the 'layout' object of annotate's JSON.

arguments:
{positionals}

options:
{options}{after-help}";

/// Printed verbatim after the options (`{after-help}`): braces are
/// template tags only in the text above.
pub const REFLOW_AFTER: &str = "\
exit status: 0 when the text was read; 2 for a bad option or a file that
could not be read or decoded.";

pub const SERIES: &str = "\
zhibiao series: the targets and results of many reports, as one table

usage: {usage}

Reads every FILE, and every .txt file under each DIR (all levels, in name
order), one at a time, and prints one table for all of them. For each
report it tells the year (as compare does: byline, title, headings) and
the issuer: the place its title lines name by the suffix of a place's
name (2017年广州市政府工作报告 -> 广州市, XX省人民政府, XX自治区, XX区,
XX县, XX州, XX盟), or 国务院 for a national report (我代表国务院,
国务院总理, 第…届全国人民代表大会); empty when neither can be told.

A row is one report's figure for one metric: a target with a value, or a
result or estimate with a value that is one year's figure (no yearly
average, no total over years, not the A of 由A提高到B). Metrics are
normalised as compare does, so 国内生产总值, 地区生产总值, 全市地区生产总值
and 经济增长 are one series (metric_key 生产总值). Figures of a report with
the same metric_key, kind, unit, status, horizon and year make one row
(the first; for a target the headline one), 'mentions' counting them.

--joined prints instead each target of a report next to the result of its
issuer's next report in the run (a later year), with compare's verdict,
reason and evidence. Reports more than a year apart are joined too, with
warning not_consecutive: only results the later one dates to the target's
year count. Each issuer's reports are joined in the order read: name the
files so that they sort by year (a report not later than its issuer's last
is not joined, and said so on standard error).

arguments:
{positionals}

options:
{options}{after-help}";

/// Printed verbatim after the options (`{after-help}`): braces are
/// template tags only in the text above.
pub const SERIES_AFTER: &str = "\
formats:
  csv     a header row, then one row per figure (RFC 4180 as annotate's):
            source,report,issuer,report_year,year,metric_key,metric,status,
            horizon,kind,direction,value,value_max,comparator,unit,
            value_text,headline,mentions,id,start,end,evidence_start,
            evidence_end,evidence
          year is the year the figure is for (a target's: the year it
          writes, else its report's; a result's: the year it or its
          paragraph writes, else the year its report reviews). With
          --joined:
            issuer,year,metric_key,headline,verdict,reason_code,
            target_source,target_report_year,target_id,target_value_text,
            target_value,target_value_max,target_comparator,target_unit,
            target_kind,target_horizon,target_metric,result_source,
            result_report_year,result_year,result_id,result_value_text,
            result_value,result_value_max,result_unit,result_status,
            result_metric,match_score,match_basis,warning,reason,
            target_evidence,result_evidence
  jsonl   one JSON object per row, the same fields (evidence as
          {\"start\", \"end\", \"text\"}; a joined row holds compare's pair:
          target, result, verdict, ... as in 'zhibiao help compare')
  json    the same objects in one array
  With --english, the English of each row's metric and unit from the
  glossary (see 'zhibiao help annotate'): the CSV's last columns
  metric_en,unit_en (--joined: target_metric_en,result_metric_en), the
  objects' last fields.

A progress line is shown on standard error when it is a terminal and
there are many files. Memory holds one report at a time, and with
--joined the last report of each issuer.

exit status: 0 when every file was read; 2 for a bad option, or when some
FILE could not be read or decoded (reported as 'zhibiao: FILE: reason';
the others are still read).

examples:
  zhibiao series --joined --format jsonl reports/*.txt > joined.jsonl
  zhibiao series reports/ > series.csv";
