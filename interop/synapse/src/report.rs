//! The PASS/FAIL lines: one per step, so that CI logs show which step broke and why, and the
//! count that decides the exit status.

use std::future::Future;

/// What a step gives when it passes: the value later steps need, and the detail of its line.
pub type StepResult<T> = Result<(T, String), String>;

/// The PASS/FAIL lines printed so far, counted.
#[derive(Default)]
pub struct Report {
    /// Steps that passed.
    pub passed: usize,
    /// Steps that failed or could not run.
    pub failed: usize,
}

impl Report {
    /// Runs one step and prints its line; `None` when it failed.
    pub async fn step<T>(
        &mut self,
        name: &str,
        run: impl Future<Output = StepResult<T>>,
    ) -> Option<T> {
        match run.await {
            Ok((value, detail)) => {
                self.passed += 1;
                println!("PASS {name}: {detail}");
                Some(value)
            }
            Err(reason) => {
                self.failed += 1;
                println!("FAIL {name}: {reason}");
                None
            }
        }
    }

    /// A step that cannot run because one it depends on failed.
    pub fn not_run(&mut self, name: &str, because: &str) {
        self.failed += 1;
        println!("FAIL {name}: not run, because `{because}` failed");
    }

    /// Runs a step on what an earlier step gave (`needs`); when that step failed, counts this
    /// one as failed instead, with the line `not_run(skipped.0, skipped.1)` prints. The skipped
    /// name is given apart because some lines have always used a shorter name there.
    pub async fn step_after<D, T, F>(
        &mut self,
        name: &str,
        needs: Option<D>,
        skipped: (&str, &str),
        run: impl FnOnce(D) -> F,
    ) -> Option<T>
    where
        F: Future<Output = StepResult<T>>,
    {
        match needs {
            Some(needed) => self.step(name, run(needed)).await,
            None => {
                self.not_run(skipped.0, skipped.1);
                None
            }
        }
    }
}
