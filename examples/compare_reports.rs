//! Prints the target → result table of two report files (a quick look at
//! `zhibiao::compare`; the CLI's `zhibiao compare` is the tool for users).
fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(old), Some(new)) = (args.next(), args.next()) else {
        eprintln!("usage: compare_reports OLD NEW");
        std::process::exit(2);
    };
    let read = |p: &str| std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{p}: {e}"));
    let c = zhibiao::compare(&read(&old), &read(&new));
    if let Some(w) = &c.warning {
        println!("warning: {}", w.message);
    }
    for p in &c.pairs {
        let r = p.result.as_ref();
        println!(
            "{}{:<14} {:<24} {:<12} {:<24} {:.2} {}",
            if p.headline { "* " } else { "  " },
            p.verdict.as_str(),
            format!(
                "{} {}",
                p.target.metric.as_deref().unwrap_or("-"),
                p.target.value_text
            ),
            r.map_or("-".to_string(), |r| r.value_text.clone()),
            r.and_then(|r| r.metric.clone()).unwrap_or_default(),
            p.match_score,
            p.reason
        );
    }
    println!("{:?}", c.summary);
}
