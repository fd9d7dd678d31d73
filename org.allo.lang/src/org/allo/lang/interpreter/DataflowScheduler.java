package org.allo.lang.interpreter;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs the kernel instances of a dataflow region concurrently and deterministically: each on its
 * own thread, but only the holder of the baton runs. The holder passes the baton round robin after
 * every stream operation and whenever it blocks (a get from an empty FIFO, a put to a full one), so
 * instances advance in lock step, one stream operation per turn, like hardware processes. When no
 * unfinished instance can run, the run is a deadlock, reported with the instances and FIFOs that
 * wait on each other.
 */
final class DataflowScheduler {

	/** The work of one instance: the interpreter calling its function. */
	@FunctionalInterface
	interface Body {
		void run() throws SimulationError;
	}

	/** Unwinds an instance's thread when the run ends early (a fault elsewhere or a deadlock). */
	private static final class Aborted extends RuntimeException {
		private static final long serialVersionUID = 1L;

		Aborted() {
			super(null, null, false, false);
		}
	}

	private final class Task {
		final String name;
		final List<Fifo> fifos;
		final Body body;
		final Condition turn = lock.newCondition();
		Fifo waitingOn;
		boolean putting;
		boolean done;

		Task(String name, List<Fifo> fifos, Body body) {
			this.name = name;
			this.fifos = fifos;
			this.body = body;
		}

		boolean runnable() {
			return !done && waitingOn == null;
		}
	}

	private final ReentrantLock lock = new ReentrantLock();
	private final Condition finished = lock.newCondition();
	private final List<Task> tasks = new ArrayList<>();
	private Task current;
	private boolean aborted;
	private SimulationError failure;
	private RuntimeException crash;

	/** An instance that uses the given FIFOs (its stream arguments). */
	void add(String name, List<Fifo> fifos, Body body) {
		tasks.add(new Task(name, fifos, body));
	}

	/** Runs every instance to completion; a fault of an instance or a deadlock ends the run. */
	void run() throws SimulationError {
		if (tasks.isEmpty()) {
			return;
		}
		List<Thread> threads = new ArrayList<>();
		lock.lock();
		try {
			for (Task task : tasks) {
				Thread thread = new Thread(() -> work(task), task.name);
				thread.setDaemon(true);
				thread.start();
				threads.add(thread);
			}
			current = tasks.get(0);
			current.turn.signal();
			while (!aborted && tasks.stream().anyMatch(task -> !task.done)) {
				finished.awaitUninterruptibly();
			}
		} finally {
			lock.unlock();
		}
		for (Thread thread : threads) {
			try {
				thread.join();
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new SimulationError(0, "the dataflow simulation was interrupted");
			}
		}
		if (crash != null) {
			throw crash;
		}
		if (failure != null) {
			throw failure;
		}
	}

	/** A put by the running instance: blocks while the FIFO is full, then yields the baton. */
	void put(Fifo fifo, Scalar value) {
		Task self = current;
		while (fifo.isFull()) {
			block(self, fifo, true);
		}
		fifo.add(value);
		wakeWaitersOn(fifo);
		pass(self);
	}

	/** A get by the running instance: blocks while the FIFO is empty, then yields the baton. */
	Scalar get(Fifo fifo) {
		Task self = current;
		while (fifo.isEmpty()) {
			block(self, fifo, false);
		}
		Scalar value = fifo.poll();
		wakeWaitersOn(fifo);
		pass(self);
		return value;
	}

	private void work(Task task) {
		lock.lock();
		try {
			awaitTurn(task);
		} catch (Aborted abort) {
			return;
		} finally {
			lock.unlock();
		}
		try {
			task.body.run();
		} catch (Aborted abort) {
			return;
		} catch (SimulationError error) {
			abort(new SimulationError(error.line(), "in " + task.name + ": " + error.getMessage()));
			return;
		} catch (RuntimeException error) {
			lock.lock();
			try {
				crash = error;
				stopAll();
			} finally {
				lock.unlock();
			}
			return;
		}
		lock.lock();
		try {
			task.done = true;
			Task next = nextRunnable(task);
			if (next != null) {
				handTo(next);
			} else if (tasks.stream().allMatch(other -> other.done)) {
				finished.signal();
			} else {
				failure = deadlock();
				stopAll();
			}
		} finally {
			lock.unlock();
		}
	}

	private void wakeWaitersOn(Fifo fifo) {
		for (Task task : tasks) {
			if (task.waitingOn == fifo) {
				task.waitingOn = null;
			}
		}
	}

	private void block(Task self, Fifo fifo, boolean putting) {
		lock.lock();
		try {
			self.waitingOn = fifo;
			self.putting = putting;
			Task next = nextRunnable(self);
			if (next == null) {
				failure = deadlock();
				stopAll();
				throw new Aborted();
			}
			handTo(next);
			awaitTurn(self);
		} finally {
			lock.unlock();
		}
	}

	/** After a stream operation the next runnable instance gets its turn, so all advance together. */
	private void pass(Task self) {
		lock.lock();
		try {
			Task next = nextRunnable(self);
			if (next != null && next != self) {
				handTo(next);
				awaitTurn(self);
			}
		} finally {
			lock.unlock();
		}
	}

	/** The first runnable task after {@code from} in round-robin order ({@code from} itself last), or null. */
	private Task nextRunnable(Task from) {
		int start = tasks.indexOf(from);
		for (int step = 1; step <= tasks.size(); step++) {
			Task candidate = tasks.get((start + step) % tasks.size());
			if (candidate.runnable()) {
				return candidate;
			}
		}
		return null;
	}

	private void handTo(Task next) {
		current = next;
		next.turn.signal();
	}

	private void awaitTurn(Task self) {
		while (current != self && !aborted) {
			self.turn.awaitUninterruptibly();
		}
		if (aborted) {
			throw new Aborted();
		}
	}

	private void abort(SimulationError error) {
		lock.lock();
		try {
			failure = error;
			stopAll();
		} finally {
			lock.unlock();
		}
	}

	private void stopAll() {
		aborted = true;
		for (Task task : tasks) {
			task.turn.signal();
		}
		finished.signal();
	}

	/**
	 * The wait-for chain from the first blocked instance: each blocked instance waits for the other
	 * instance that uses its FIFO; the chain closes into a cycle or ends at an instance that finished.
	 */
	private SimulationError deadlock() {
		Task start = tasks.stream().filter(task -> !task.done).findFirst().orElseThrow();
		List<Task> chain = new ArrayList<>();
		Task task = start;
		while (task != null && !task.done && !chain.contains(task)) {
			chain.add(task);
			task = otherEnd(task);
		}
		StringBuilder message = new StringBuilder("deadlock: ");
		int from = task != null && chain.contains(task) ? chain.indexOf(task) : 0;
		for (int i = from; i < chain.size(); i++) {
			Task blocked = chain.get(i);
			Fifo fifo = blocked.waitingOn;
			message.append(blocked.name).append(blocked.putting ? " blocks putting to " : " blocks getting from ")
					.append(fifo.name()).append(blocked.putting ? " (full, depth " + fifo.capacity() + ")" : " (empty)")
					.append(" -> ");
		}
		if (task == null) {
			message.append("no other instance uses it");
		} else if (task.done) {
			message.append(task.name).append(", which has finished");
		} else {
			message.append(task.name);
		}
		return SimulationError.deadlock(message.toString());
	}

	private Task otherEnd(Task blocked) {
		for (Task task : tasks) {
			if (task != blocked && task.fifos.contains(blocked.waitingOn)) {
				return task;
			}
		}
		return null;
	}
}
