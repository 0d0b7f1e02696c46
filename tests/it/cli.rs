//! The command line itself: takes the binary's flags and subcommands, gives proof of the help
//! and version output, the usage-error exit code, and that `init` makes a site that builds.

use std::ffi::OsStr;

use crate::support::{self, bantin};

#[test]
fn help_exits_0_and_shows_examples() {
    let site = support::empty_site();
    for args in [&["--help"][..], &["build", "--help"][..]] {
        let outcome = bantin(site.tmp.path(), args);
        assert_eq!(
            outcome.code,
            0,
            "bantin {args:?}:\n{}",
            outcome.transcript()
        );
        let help = outcome.stdout.to_lowercase();
        assert!(
            help.contains("example") || help.contains("ví dụ"),
            "bantin {args:?} shows no examples:\n{}",
            outcome.stdout
        );
        assert!(
            help.contains("bantin build"),
            "bantin {args:?}:\n{}",
            outcome.stdout
        );
    }
    let top = bantin(site.tmp.path(), ["--help"]).stdout;
    for word in ["build", "init", "--source"] {
        assert!(
            top.contains(word),
            "`bantin --help` does not mention {word}:\n{top}"
        );
    }
}

#[test]
fn version_prints_the_crate_version() {
    let site = support::empty_site();
    let outcome = bantin(site.tmp.path(), ["--version"]);
    assert_eq!(outcome.code, 0, "{}", outcome.transcript());
    assert!(
        outcome.stdout.contains(env!("CARGO_PKG_VERSION")),
        "{}",
        outcome.transcript()
    );
}

#[test]
fn usage_errors_exit_2() {
    let site = support::empty_site();
    let cases: [&[&str]; 3] = [&["build", "--frobnicate"], &["--frobnicate"], &["xay-dung"]];
    for args in cases {
        let outcome = bantin(site.tmp.path(), args);
        assert_eq!(
            outcome.code,
            2,
            "bantin {args:?}:\n{}",
            outcome.transcript()
        );
        assert!(
            outcome.stderr.contains(args[args.len() - 1]),
            "bantin {args:?} should name the bad argument:\n{}",
            outcome.transcript()
        );
    }
    // A usage error must not look like a broken site (exit 1) nor build anything.
    assert!(!site.root.join("public").exists());
}

#[test]
fn init_makes_a_site_that_builds() {
    let site = support::empty_site();
    let new = site.sibling("newsite");
    let outcome = bantin(site.tmp.path(), [OsStr::new("init"), new.as_os_str()]);
    assert_eq!(outcome.code, 0, "bantin init:\n{}", outcome.transcript());
    assert!(new.join("site.toml").is_file(), "init wrote no site.toml");

    let outcome = bantin(
        site.tmp.path(),
        [OsStr::new("build"), OsStr::new("--source"), new.as_os_str()],
    );
    assert_eq!(
        outcome.code,
        0,
        "building the new site:\n{}",
        outcome.transcript()
    );
    let index = new.join("public/index.html");
    assert!(index.is_file(), "no {}", index.display());
    assert!(
        support::read(&index).contains("<html"),
        "index.html is not a page"
    );
}

/// `bantin … | head -n 1` closes the pipe before bantin is done printing: bantin stops quietly,
/// as other command-line tools do, instead of panicking (exit 101).
#[test]
fn a_closed_pipe_stops_bantin_quietly() {
    use std::process::{Command, Stdio};
    let site = crate::support::empty_site();
    let init = crate::support::bantin(site.tmp.path(), ["init", "nho"]);
    assert_eq!(init.code, 0, "{}", init.transcript());
    let mut child = Command::new(env!("CARGO_BIN_EXE_bantin"))
        .args(["build", "--source", "nho"])
        .env("BANTIN_MESSAGES", crate::support::TEST_LANG)
        .env(crate::support::DECAP_ENV, crate::support::decap_tarball())
        .current_dir(site.tmp.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start bantin: {e}"));
    // Close the reading end at once, before bantin writes.
    drop(child.stdout.take());
    let output = child
        .wait_with_output()
        .unwrap_or_else(|e| panic!("cannot wait for bantin: {e}"));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_ne!(output.status.code(), Some(101), "{stderr}");
}
