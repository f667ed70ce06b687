//! Runs the background loop of `service::background` until shutdown: in `lotse serve` next to the
//! web server, or alone as `lotse worker`. A step that did something is followed by the next at
//! once; when idle, the loop waits a second. A step in progress always finishes (a mail being
//! sent is not cut off); only the wait is interrupted by shutdown.

use std::future::Future;
use std::time::Duration;

use app::service::background::{Outcome, Worker};
use app::state::AppState;

const IDLE_PAUSE: Duration = Duration::from_secs(1);
const ERROR_PAUSE: Duration = Duration::from_secs(5);

pub async fn run(state: AppState, shutdown: impl Future<Output = ()>) {
    let mut worker = Worker::new();
    tokio::pin!(shutdown);
    loop {
        let pause = match worker.try_execute_task(&state, state.now()).await {
            Ok(Outcome::Idle) => IDLE_PAUSE,
            Ok(_) => Duration::ZERO,
            Err(err) => {
                tracing::error!(%err, "background step failed");
                ERROR_PAUSE
            }
        };
        tokio::select! {
            () = tokio::time::sleep(pause) => {}
            () = &mut shutdown => break,
        }
    }
    tracing::info!("background work stopped");
}
