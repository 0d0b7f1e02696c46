//! The `bantin` binary: parses the command line, runs the library, prints diagnostics and the
//! summary, and sets the exit code (0 built, 1 the site has errors, 2 usage error).

mod cli;

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use clap::Parser;
use miette::{GraphicalReportHandler, GraphicalTheme};

use bantin::build::{BuildError, build};
use bantin::messages::Lang;
use bantin::problem::Problem;
use cli::{Cli, Command};

fn main() -> ExitCode {
    // `bantin build | head` closes the pipe early: like other command-line tools, stop quietly
    // then, instead of Rust's default of ignoring SIGPIPE and panicking in println!.
    #[cfg(unix)]
    // SAFETY: done first, before any thread exists; restores the signal's default action.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    let lang = cli.lang();
    match &cli.command {
        Command::Build(args) => run_build(&cli, args),
        Command::Check(args) => run_check(&cli, args),
        Command::New(args) => run_new(&cli, args),
        Command::Import(cli::ImportCommand::Wordpress(args)) => print_import(
            &cli,
            lang,
            args.site.format,
            bantin::import::wordpress(&args.site.options(), &args.export),
        ),
        Command::Import(cli::ImportCommand::Feed(args)) => print_import(
            &cli,
            lang,
            args.site.format,
            bantin::import::feeds(&args.site.options(), &args.files),
        ),
        Command::Import(cli::ImportCommand::Html(args)) => run_import_html(&cli, args),
        Command::Serve(args) => run_serve(&cli, args),
        Command::Init { dir } => match bantin::scaffold::init(dir) {
            Ok(written) => {
                if !cli.quiet {
                    println!(
                        "created a new site in {} ({} files); build it with: bantin build --source {}",
                        dir.display(),
                        written.len(),
                        dir.display()
                    );
                }
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("error: {e}");
                ExitCode::from(1)
            }
        },
    }
}

/// The stages of a build and how long each took; stages that ran at the same time overlap.
fn print_timings(timings: &bantin::build::Timings) {
    println!(
        "{:<34} {:>8}  {:>12}",
        "stage (∥: side by side)", "time", "memory after"
    );
    for stage in timings.stages() {
        let memory = stage
            .resident
            .map_or(String::new(), |b| format!("{} MiB", b / (1024 * 1024)));
        println!(
            "{:<34} {:>6.3} s  {memory:>12}",
            stage.name,
            stage.took.as_secs_f64()
        );
    }
}

fn run_build(cli: &Cli, args: &cli::BuildArgs) -> ExitCode {
    let lang = cli.lang();
    let mut options = args.options();
    let bar = (!cli.quiet && std::io::stderr().is_terminal()).then(|| {
        let bar = indicatif::ProgressBar::hidden();
        bar.set_style(
            indicatif::ProgressStyle::with_template("{msg:>10} [{bar:30}] {pos}/{len}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar())
                .progress_chars("=> "),
        );
        bar
    });
    if !cli.quiet {
        options.progress = Some(progress(bar.clone()));
    }
    let result = build(&options);
    if let Some(bar) = &bar {
        bar.finish_and_clear();
    }
    match result {
        Ok(report) => {
            if !cli.quiet {
                print_problems(&report.warnings, lang);
                if cli.verbose {
                    println!("output in {}", report.output.display());
                }
                let warnings = match report.warnings.len() {
                    0 => String::new(),
                    1 => " (1 warning)".to_string(),
                    n => format!(" ({n} warnings)"),
                };
                println!(
                    "built {} pages, {} feeds and other files, {} static files in {:.2} s{warnings}{}",
                    report.pages,
                    report.other_files,
                    report.static_files,
                    report.elapsed.as_secs_f64(),
                    held_back(&report.schedule),
                );
                if args.timings {
                    print_timings(&report.timings);
                }
                let w = report.written;
                if w.unchanged > 0 || w.removed > 0 {
                    println!(
                        "output updated: {} files written, {} unchanged, {} removed",
                        w.changed, w.unchanged, w.removed
                    );
                }
                if w.kept > 0 {
                    println!(
                        "kept {} in the output folder that bantin did not write (--keep-foreign-files)",
                        plural(w.kept, "file")
                    );
                }
                if w.leftovers > 0 {
                    println!(
                        "removed {} left beside the output by an interrupted build",
                        plural(w.leftovers, "staging folder")
                    );
                }
            }
            ExitCode::SUCCESS
        }
        Err(BuildError::Site(problems)) => {
            let shown: Vec<Problem> = problems
                .into_iter()
                .filter(|p| p.is_error() || !cli.quiet)
                .collect();
            print_problems(&shown, lang);
            let errors = shown.iter().filter(|p| p.is_error()).count();
            eprintln!(
                "error: the site has {errors} error{}; nothing was written, the output folder is unchanged",
                if errors == 1 { "" } else { "s" }
            );
            ExitCode::from(1)
        }
        Err(BuildError::Output(e)) => {
            eprintln!("error: {e}");
            if let Some(help) = e.help() {
                eprintln!("  help: {help}");
            }
            eprintln!("nothing was changed in the output folder");
            ExitCode::from(1)
        }
    }
}

fn run_new(cli: &Cli, args: &cli::NewArgs) -> ExitCode {
    let lang = cli.lang();
    use bantin::scaffold::NewError;
    let provinces = bantin::provinces::Provinces::builtin();
    let config = match bantin::config::Config::load(
        &args.source,
        &bantin::config::Overrides::default(),
        provinces,
    ) {
        Ok(config) => config,
        Err(problems) => {
            print_problems(&problems, lang);
            eprintln!("error: site.toml has errors; nothing was written");
            return ExitCode::from(1);
        }
    };
    match bantin::scaffold::new_article(&config, provinces, &args.article()) {
        Ok(bantin::scaffold::New { path, warnings }) => {
            if !cli.quiet {
                print_problems(&warnings, lang);
                // `./content/…` reads better as `content/…`.
                println!("{}", path.strip_prefix(".").unwrap_or(&path).display());
            }
            ExitCode::SUCCESS
        }
        Err(NewError::Invalid(problems)) => {
            print_problems(&problems, lang);
            eprintln!(
                "error: the new article would not be valid; nothing was written (fix --province, --category or --tags)"
            );
            ExitCode::from(1)
        }
        Err(e @ NewError::EmptySlug(_)) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(1)
        }
    }
}

fn run_check(cli: &Cli, args: &cli::CheckArgs) -> ExitCode {
    let lang = cli.lang();
    let result = bantin::check::check(&args.options());
    let problems = match &result {
        Ok(report) => report.problems.clone(),
        Err(BuildError::Site(problems)) => problems.clone(),
        Err(e @ BuildError::Output(_)) => vec![Problem::error("output", e.to_string())],
    };
    let errors = problems.iter().filter(|p| p.is_error()).count();
    let code = if errors == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    };
    if args.format == cli::Format::Json {
        let json = bantin::check::JsonReport::new(&problems, result.as_ref().ok(), lang);
        match serde_json::to_string_pretty(&json) {
            Ok(text) => println!("{text}"),
            Err(e) => eprintln!("error: cannot write the JSON report: {e}"),
        }
        return code;
    }
    let shown: Vec<Problem> = problems
        .into_iter()
        .filter(|p| p.is_error() || !cli.quiet)
        .collect();
    print_problems(&shown, lang);
    match &result {
        Ok(report) if !cli.quiet || errors > 0 => {
            let external = match (report.external_links, report.external_skipped) {
                (0, 0) => String::new(),
                (0, skipped) => format!(" ({skipped} external not checked: use --external)"),
                (n, _) => format!(
                    " ({n} external, {} answered from the cache)",
                    report.from_cache
                ),
            };
            let plural =
                |n: usize, what: &str| format!("{n} {what}{}", if n == 1 { "" } else { "s" });
            let line = format!(
                "checked {}, {}, {}{external}: {}",
                plural(report.articles, "article"),
                plural(report.pages, "page"),
                plural(report.links + report.external_links, "link"),
                match report.broken_links() {
                    0 => "nothing broken".to_string(),
                    n => format!("{n} broken"),
                }
            );
            if report.broken_links() == 0 {
                println!("{line}");
            } else {
                eprintln!("error: {line}");
            }
            if let Some(old) = report.old_urls {
                let line = format!(
                    "checked {} old address{}: {} kept, {} would be lost",
                    old.checked,
                    if old.checked == 1 { "" } else { "es" },
                    old.kept,
                    old.lost
                );
                if old.lost == 0 {
                    println!("{line}");
                } else {
                    eprintln!("error: {line}");
                }
            }
        }
        Ok(_) => {}
        Err(_) => eprintln!(
            "error: the site has {errors} error{}; links were not checked",
            if errors == 1 { "" } else { "s" }
        ),
    }
    code
}

/// `1 file`, `2 files`.
fn plural(n: usize, what: &str) -> String {
    format!("{n} {what}{}", if n == 1 { "" } else { "s" })
}

/// "; held back: 1 scheduled, 1 draft; next due 18/01/2027 00:00" — empty when nothing is.
fn held_back(schedule: &bantin::build::Schedule) -> String {
    let mut parts = Vec::new();
    for (count, what) in [
        (schedule.future, "scheduled"),
        (schedule.drafts, "draft"),
        (schedule.expired, "expired"),
    ] {
        if count > 0 {
            parts.push(format!("{count} {what}"));
        }
    }
    let mut text = String::new();
    if !parts.is_empty() {
        text = format!("; held back: {}", parts.join(", "));
    }
    if let Some(next) = schedule.next_change {
        text.push_str(&format!(
            "; next change due {}",
            bantin::locale::format_date(&next, "datetime")
        ));
    }
    text
}

fn run_serve(cli: &Cli, args: &cli::ServeArgs) -> ExitCode {
    let lang = cli.lang();
    use bantin::serve::Event;
    let quiet = cli.quiet;
    let mut on_event = |event: Event<'_>| match event {
        Event::Listening { url } => {
            // Always printed: tests and scripts read the address from this line.
            println!("serving {url} (press Ctrl+C to stop)");
        }
        Event::Built {
            elapsed,
            pages,
            rerendered,
            warnings,
            timings,
        } => {
            if !quiet {
                print_problems(warnings, lang);
                println!(
                    "built {pages} pages in {} ms ({rerendered} re-rendered)",
                    elapsed.as_millis()
                );
                if let Some(timings) = timings {
                    print_timings(timings);
                }
            }
        }
        Event::Failed { problems } => {
            print_problems(problems, lang);
            let errors = problems.iter().filter(|p| p.is_error()).count();
            eprintln!(
                "error: {errors} error{}; still serving the last good pages, fix the file and save",
                if errors == 1 { "" } else { "s" }
            );
        }
    };
    match bantin::serve::serve(&args.options(lang), &mut on_event) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(1)
        }
    }
}

/// Shows how far a long build has got: a bar on a terminal (cleared at the end, so a build still
/// ends with its one summary line), plain lines at each quarter elsewhere (CI logs). Short
/// stages show nothing.
fn progress(bar: Option<indicatif::ProgressBar>) -> bantin::build::Progress {
    use bantin::build::Stage;
    const LONG: usize = 1000;
    bantin::build::Progress(std::sync::Arc::new(move |stage, done, total| {
        if total < LONG {
            return;
        }
        let name = match stage {
            Stage::Reading => "reading",
            Stage::Rendering => "rendering",
        };
        match &bar {
            Some(bar) => {
                if done == 0 {
                    bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
                    bar.set_length(total as u64);
                    bar.set_position(0);
                    bar.set_message(name);
                } else {
                    bar.inc(1);
                }
            }
            None => {
                if done == 0 || [total / 4, total / 2, total * 3 / 4].contains(&done) {
                    eprintln!("{name}: {done}/{total}");
                }
            }
        }
    }))
}

/// Prints problems as diagnostics: file:line:column, the text with a caret, and help.
fn print_problems(problems: &[Problem], lang: Lang) {
    if problems.is_empty() {
        return;
    }
    let stderr = std::io::stderr();
    let color = stderr.is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let theme = if color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme).with_width(100);
    let mut out = stderr.lock();
    for problem in problems {
        let mut text = String::new();
        let shown = problem.shown(lang);
        if handler.render_report(&mut text, &shown).is_err() {
            text = format!("{shown}\n");
        }
        let _ = writeln!(out, "{text}");
    }
}

/// `import html`: with `--sample N`, what the mapping finds in N pages, and nothing written.
fn run_import_html(cli: &Cli, args: &cli::ImportHtmlArgs) -> ExitCode {
    let lang = cli.lang();
    let Some(n) = args.sample else {
        let imported = bantin::import::pages(&args.site.options(), &args.input(), &args.mapping);
        return print_import(cli, lang, args.site.format, imported);
    };
    match bantin::import::pages::sample(&args.site.options(), &args.input(), &args.mapping, n) {
        Ok((samples, problems)) => {
            print_problems(&problems, lang);
            for s in &samples {
                println!("{}", s.human(lang));
            }
            println!(
                "sample of {} pages: nothing was written; without --sample the import runs",
                samples.len()
            );
            ExitCode::SUCCESS
        }
        Err(e) => print_import(cli, lang, args.site.format, Err(e)),
    }
}

/// Prints an import's report (or why there is none) and gives the exit code.
fn print_import(
    cli: &Cli,
    lang: Lang,
    format: cli::Format,
    imported: Result<bantin::import::Report, bantin::import::ImportError>,
) -> ExitCode {
    use bantin::import::ImportError;
    match imported {
        Ok(report) => {
            if format == cli::Format::Json {
                let problems = bantin::check::JsonReport::new(&report.problems, None, lang);
                let json = serde_json::json!({ "report": &report, "problems": problems.problems });
                match serde_json::to_string_pretty(&json) {
                    Ok(text) => println!("{text}"),
                    Err(e) => {
                        eprintln!("error: {e}");
                        return ExitCode::from(1);
                    }
                }
            } else if !cli.quiet {
                print_problems(&report.problems, lang);
                print!("{}", report.human(lang));
            }
            ExitCode::SUCCESS
        }
        Err(ImportError::Site(problems)) => {
            print_problems(&problems, lang);
            eprintln!("error: site.toml has errors; nothing was imported");
            ExitCode::from(1)
        }
        Err(ImportError::Mapping(problems)) => {
            print_problems(&problems, lang);
            eprintln!("error: the mapping file has errors; nothing was imported");
            ExitCode::from(1)
        }
        Err(ImportError::Export(problem)) => {
            print_problems(std::slice::from_ref(&*problem), lang);
            eprintln!("error: the file could not be read; nothing was imported");
            ExitCode::from(1)
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(1)
        }
    }
}
