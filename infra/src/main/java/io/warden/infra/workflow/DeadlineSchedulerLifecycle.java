package io.warden.infra.workflow;

import com.github.kagkarlsson.scheduler.Scheduler;
import org.springframework.context.SmartLifecycle;

/**
 * Starts db-scheduler once everything else is running (Axon's processors and aggregates, which a firing deadline
 * needs) and stops it first, long before the data source closes. Deadlines that fell due while no instance ran
 * are executed at the first poll after the start.
 */
class DeadlineSchedulerLifecycle implements SmartLifecycle {

    /** After Axon's lifecycle phases, before the web server's ({@code Integer.MAX_VALUE - 1024}). */
    static final int PHASE = Integer.MAX_VALUE - 2048;

    private final Scheduler scheduler;
    private volatile boolean running;

    DeadlineSchedulerLifecycle(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    @Override
    public void start() {
        scheduler.start();
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        scheduler.stop();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
