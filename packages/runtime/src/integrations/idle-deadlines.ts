/**
 * Virtual time for tasks that wait on the outside world (callbacks,
 * activities). Their virtual time stands still while they wait, since someone
 * may still answer. Only when the whole process has nothing left to do (Node's
 * event loop is empty, so no timer, socket, child process or pending promise
 * chain could ever answer) does waiting become pointless. Then the earliest
 * deadline among the waiting tasks fires, as if that much time had passed.
 */
export interface IdleWait {
  /** The virtual time (epoch ms) at which the wait ends by itself: a heartbeat, TimeoutSeconds or the execution's deadline. */
  nextDeadline(): number;
  /** Moves the waiting thread to its next deadline and fails or ends the wait there. */
  expire(): void;
}

const waits = new Set<IdleWait>();
let listening = false;

export function addIdleWait(wait: IdleWait): void {
  waits.add(wait);
  if (!listening) {
    process.on('beforeExit', onIdle);
    listening = true;
  }
}

export function removeIdleWait(wait: IdleWait): void {
  waits.delete(wait);
  if (waits.size === 0 && listening) {
    process.off('beforeExit', onIdle);
    listening = false;
  }
}

function onIdle(): void {
  if (waits.size === 0) return;
  // Only the earliest deadlines fire: what they set off may answer the others.
  let earliest = Infinity;
  for (const wait of waits) earliest = Math.min(earliest, wait.nextDeadline());
  for (const wait of [...waits]) if (wait.nextDeadline() === earliest) wait.expire();
  // Node emits 'beforeExit' again only if the loop is alive afterwards; work that
  // runs as promise callbacks alone would not keep it so, and a later wait would hang.
  setImmediate(() => undefined);
}

/**
 * A handler's promise on the virtual clock: if it is still pending when the
 * process goes idle, nothing can settle it any more, so its deadline (the
 * task's TimeoutSeconds, or the execution's own) has come. The returned
 * promise then rejects with what `expire` returns.
 *
 * @example
 * const answered = raceIdleDeadline(handlerPromise, () => startedAt + timeoutMs, () => new StatesError('States.Timeout'));
 */
export function raceIdleDeadline<T>(pending: Promise<T>, deadline: () => number, expire: () => unknown): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const wait: IdleWait = {
      nextDeadline: deadline,
      expire: () => {
        removeIdleWait(wait);
        reject(expire());
      },
    };
    addIdleWait(wait);
    pending.then(resolve, reject).finally(() => removeIdleWait(wait));
  });
}
