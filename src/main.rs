//! The `bantin` binary: parses the command line, runs the library, prints diagnostics and the
//! summary, and sets the exit code (0 built, 1 the site has errors, 2 usage error).

mod cli;

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use miette::{GraphicalReportHandler, GraphicalTheme};

use bantin::build::{BuildError, build};
use bantin::messages::{Lang, Message};
use bantin::msg;
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
    let cli = match Cli::parse_in_language() {
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
        Command::Build(args) => run_build(&cli, lang, args),
        Command::Check(args) => run_check(&cli, lang, args),
        Command::New(args) => run_new(&cli, lang, args),
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
        Command::Import(cli::ImportCommand::Html(args)) => run_import_html(&cli, lang, args),
        Command::Serve(args) => run_serve(&cli, lang, args),
        Command::Init { dir } => match bantin::scaffold::init(dir) {
            Ok(written) => {
                if !cli.quiet {
                    let dir = dir.display().to_string();
                    say(
                        lang,
                        msg!("cli-init-done", dir = dir.as_str(), count = written.len()),
                    );
                }
                ExitCode::SUCCESS
            }
            Err(e) => {
                fail(lang, e.message());
                ExitCode::from(1)
            }
        },
    }
}

/// Prints a message on stdout, in the user's language.
fn say(lang: Lang, message: Message) {
    println!("{}", lang.text(&message));
}

/// Prints "error: …" on stderr, in the user's language.
fn fail(lang: Lang, what: impl Into<Message>) {
    let what = what.into();
    eprintln!("{}", lang.text(&msg!("cli-error", text = what)));
}

/// Seconds with two decimals, with the decimal mark of the language (0.52 s, 0,52 giây).
fn seconds(lang: Lang, duration: std::time::Duration) -> String {
    let text = format!("{:.2}", duration.as_secs_f64());
    match lang {
        Lang::Vi => text.replace('.', ","),
        Lang::En => text,
    }
}

/// The stages of a build and how long each took; stages that ran at the same time overlap.
fn print_timings(lang: Lang, timings: &bantin::build::Timings) {
    println!(
        "{:<42} {:>8}  {:>12}",
        lang.text(&msg!("cli-timings-stage")),
        lang.text(&msg!("cli-timings-time")),
        lang.text(&msg!("cli-timings-memory"))
    );
    for stage in timings.stages() {
        let memory = stage
            .resident
            .map_or(String::new(), |b| format!("{} MiB", b / (1024 * 1024)));
        println!(
            "{:<42} {:>6.3} s  {memory:>12}",
            lang.text(&stage.label()),
            stage.took.as_secs_f64()
        );
    }
}

fn run_build(cli: &Cli, lang: Lang, args: &cli::BuildArgs) -> ExitCode {
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
        options.progress = Some(progress(lang, bar.clone()));
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
                    let path = report.output.display().to_string();
                    say(lang, msg!("cli-output-in", path = path.as_str()));
                }
                let warnings = match report.warnings.len() {
                    0 => String::new(),
                    n => lang.text(&msg!("cli-built-warnings", count = n)),
                };
                say(
                    lang,
                    msg!(
                        "cli-built",
                        pages = report.pages,
                        other = report.other_files,
                        statics = report.static_files,
                        images = match report.images.images {
                            0 => String::new(),
                            _ => lang.text(&msg!(
                                "cli-built-images",
                                images = report.images.images,
                                encoded = report.images.encoded,
                                reused = report.images.reused
                            )),
                        },
                        seconds = seconds(lang, report.elapsed),
                        warnings = warnings,
                        held_back = held_back(lang, &report.schedule),
                    ),
                );
                if args.timings {
                    print_timings(lang, &report.timings);
                }
                let w = report.written;
                if w.unchanged > 0 || w.removed > 0 {
                    say(
                        lang,
                        msg!(
                            "cli-output-updated",
                            changed = w.changed,
                            unchanged = w.unchanged,
                            removed = w.removed
                        ),
                    );
                }
                if w.kept > 0 {
                    say(lang, msg!("cli-output-kept", count = w.kept));
                }
                if w.leftovers > 0 {
                    say(lang, msg!("cli-output-leftovers", count = w.leftovers));
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
            fail(lang, msg!("cli-build-failed", count = errors));
            ExitCode::from(1)
        }
        Err(BuildError::Output(e)) => {
            fail(lang, e.message());
            if let Some(help) = e.help_message() {
                eprintln!("  {}", lang.text(&msg!("cli-help", text = help)));
            }
            eprintln!("{}", lang.text(&msg!("cli-output-unchanged")));
            ExitCode::from(1)
        }
    }
}

fn run_new(cli: &Cli, lang: Lang, args: &cli::NewArgs) -> ExitCode {
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
            fail(lang, msg!("cli-config-errors-nothing-written"));
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
            fail(lang, msg!("cli-new-invalid"));
            ExitCode::from(1)
        }
        Err(e @ NewError::EmptySlug(_)) => {
            fail(lang, e.message());
            ExitCode::from(2)
        }
        Err(e) => {
            fail(lang, e.message());
            ExitCode::from(1)
        }
    }
}

fn run_check(cli: &Cli, lang: Lang, args: &cli::CheckArgs) -> ExitCode {
    let result = bantin::check::check(&args.options());
    let problems = match &result {
        Ok(report) => report.problems.clone(),
        Err(BuildError::Site(problems)) => problems.clone(),
        Err(e @ BuildError::Output(_)) => {
            let mut problem = Problem::error("output", e.message());
            if let Some(help) = e.help_message() {
                problem = problem.help(help);
            }
            vec![problem]
        }
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
            Err(e) => fail(lang, msg!("cli-json-failed", reason = e.to_string())),
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
                (0, skipped) => lang.text(&msg!("cli-check-external-skipped", count = skipped)),
                (n, _) => lang.text(&msg!(
                    "cli-check-external",
                    count = n,
                    cached = report.from_cache
                )),
            };
            let line = msg!(
                "cli-check-summary",
                articles = report.articles,
                pages = report.pages,
                links = report.links + report.external_links,
                external = external,
                broken = report.broken_links(),
            );
            if report.broken_links() == 0 {
                say(lang, line);
            } else {
                fail(lang, line);
            }
            print_cited(lang, &report.cited, args.missing_documents);
            if let Some(old) = report.old_urls {
                let line = msg!(
                    "cli-check-old-urls",
                    count = old.checked,
                    kept = old.kept,
                    lost = old.lost
                );
                if old.lost == 0 {
                    say(lang, line);
                } else {
                    fail(lang, line);
                }
            }
        }
        Ok(_) => {}
        Err(_) => fail(lang, msg!("cli-check-not-checked", count = errors)),
    }
    code
}

/// How many document references the library links; with `list`, every document cited that it
/// lacks and where, else a hint that the list exists.
fn print_cited(lang: Lang, cited: &bantin::check::documents::Cited, list: bool) {
    if cited.citations == 0 {
        return;
    }
    let missing: usize = cited.missing.len();
    say(
        lang,
        msg!(
            "cli-check-documents",
            citations = cited.citations,
            linked = cited.linked,
            missing = missing,
        ),
    );
    if !list {
        if missing > 0 {
            say(lang, msg!("cli-check-documents-hint"));
        }
        return;
    }
    for m in &cited.missing {
        say(
            lang,
            msg!(
                "cli-check-missing-document",
                document = m.document.as_str(),
                count = m.citations,
                places = m.places.join(", "),
            ),
        );
    }
}

/// "; held back: 1 scheduled, 1 draft; next due 18/01/2027 00:00" — empty when nothing is.
fn held_back(lang: Lang, schedule: &bantin::build::Schedule) -> String {
    let mut parts = Vec::new();
    for (count, what) in [
        (schedule.future, msg!("cli-held-back-scheduled")),
        (schedule.drafts, msg!("cli-held-back-draft")),
        (schedule.expired, msg!("cli-held-back-expired")),
    ] {
        if count > 0 {
            parts.push(lang.text(&what.with("count", count)));
        }
    }
    let mut text = String::new();
    if !parts.is_empty() {
        text = lang.text(&msg!("cli-held-back", parts = parts.join(", ")));
    }
    if let Some(next) = schedule.next_change {
        let when = bantin::locale::format_date(&next, "datetime");
        text.push_str(&lang.text(&msg!("cli-next-change", when = when)));
    }
    text
}

fn run_serve(cli: &Cli, lang: Lang, args: &cli::ServeArgs) -> ExitCode {
    use bantin::serve::Event;
    let quiet = cli.quiet;
    let mut on_event = |event: Event<'_>| match event {
        Event::Listening { url } => {
            // Always printed: tests and scripts read the address from this line.
            say(lang, msg!("cli-serving", url = url));
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
                let ms = elapsed.as_millis().to_string();
                say(
                    lang,
                    msg!(
                        "cli-serve-built",
                        pages = pages,
                        ms = ms,
                        rerendered = rerendered
                    ),
                );
                if let Some(timings) = timings {
                    print_timings(lang, timings);
                }
            }
        }
        Event::Failed { problems } => {
            print_problems(problems, lang);
            let errors = problems.iter().filter(|p| p.is_error()).count();
            fail(lang, msg!("cli-serve-failed", count = errors));
        }
    };
    match bantin::serve::serve(&args.options(lang), &mut on_event) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            fail(lang, e.message());
            if let Some(help) = e.help_message() {
                eprintln!("  {}", lang.text(&msg!("cli-help", text = help)));
            }
            ExitCode::from(1)
        }
    }
}

/// Shows how far a long build has got: a bar on a terminal (cleared at the end, so a build still
/// ends with its one summary line), plain lines at each quarter elsewhere (CI logs). Short
/// stages show nothing.
fn progress(lang: Lang, bar: Option<indicatif::ProgressBar>) -> bantin::build::Progress {
    use bantin::build::Stage;
    const LONG: usize = 1000;
    bantin::build::Progress(std::sync::Arc::new(move |stage, done, total| {
        if total < LONG {
            return;
        }
        let name = lang.text(&match stage {
            Stage::Reading => msg!("cli-progress-reading"),
            Stage::Rendering => msg!("cli-progress-rendering"),
        });
        match &bar {
            Some(bar) => {
                if done == 0 {
                    bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
                    bar.set_length(total as u64);
                    bar.set_position(0);
                    bar.set_message(name.clone());
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
        let _ = writeln!(out, "{}", problem.report(lang, &handler));
    }
}

/// `import html`: with `--sample N`, what the mapping finds in N pages, and nothing written.
fn run_import_html(cli: &Cli, lang: Lang, args: &cli::ImportHtmlArgs) -> ExitCode {
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
            say(lang, msg!("cli-import-sample", count = samples.len()));
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
                let json = serde_json::json!({ "report": report.json(lang), "problems": problems.problems });
                match serde_json::to_string_pretty(&json) {
                    Ok(text) => println!("{text}"),
                    Err(e) => {
                        fail(lang, msg!("cli-json-failed", reason = e.to_string()));
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
            fail(lang, msg!("cli-import-config-errors"));
            ExitCode::from(1)
        }
        Err(ImportError::Mapping(problems)) => {
            print_problems(&problems, lang);
            fail(lang, msg!("cli-import-mapping-errors"));
            ExitCode::from(1)
        }
        Err(ImportError::Export(problem)) => {
            print_problems(std::slice::from_ref(&*problem), lang);
            fail(lang, msg!("cli-import-unreadable"));
            ExitCode::from(1)
        }
        Err(e) => {
            fail(lang, e.message());
            ExitCode::from(1)
        }
    }
}
