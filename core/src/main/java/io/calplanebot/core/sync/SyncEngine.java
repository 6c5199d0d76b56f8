package io.calplanebot.core.sync;

import io.calplanebot.core.mapping.IssueEventMapper;
import io.calplanebot.core.port.out.CalendarStore;
import io.calplanebot.core.port.out.IssueSource;
import io.calplanebot.core.port.out.IssueWebhookDecoder;
import io.calplanebot.core.port.out.StateStore;
import io.calplanebot.core.port.out.SyncListener;
import io.calplanebot.core.port.out.TaskScheduler;
import io.calplanebot.core.state.InMemoryStateStore;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The core, assembled: one service per use case over one {@link RuntimeHolder}. {@link #fullSync()} runs full syncs,
 * {@link #webhooks()} takes deliveries into the {@link ChangePipeline}, {@link #changes()} applies one change, and
 * {@link #status()} reports. A new configuration is a new {@link SyncRuntime} handed to {@link #reload}; the status
 * and counters stay.
 */
public final class SyncEngine implements AutoCloseable {
    private final RuntimeHolder runtime;
    private final FullSyncService fullSync;
    private final ChangeService changes;
    private final ChangePipeline pipeline;
    private final WebhookService webhooks;
    private final StatusService status;
    private final Optional<PeriodicSync> periodic;
    private final Optional<ConnectionProber> prober;
    private final Optional<CrashRecovery> recovery;
    private final StateStore state;
    private final ChangeMemory memory;

    private SyncEngine(Builder b) {
        Clock clock = Objects.requireNonNull(b.clock, "clock");
        runtime = new RuntimeHolder(b.runtime());
        StatusRecord record = new StatusRecord(runtime, clock, b.state);
        SyncListener listener = SyncListener.all(List.of(record, b.listener));
        IssueLocks locks = new IssueLocks();
        state = b.state;
        TaskScheduler renewals = b.renewals;
        memory = new ChangeMemory(state.shared() ? state.appliedChanges()
                : new RememberedChanges(state.appliedChanges()));
        fullSync = new FullSyncService(runtime, locks, listener, clock, b.background, state.syncLease(), renewals,
                b.leasePeriod, memory, b.writers);
        changes = new ChangeService(runtime, locks, listener, memory);
        pipeline = new ChangePipeline(changes, b.scheduler, clock, listener, b.timing, state, memory.applied(),
                b.owner, b.inboxTiming.claimHold(), b.workers, b.parallelism);
        webhooks = new WebhookService(runtime, pipeline, listener);
        status = new StatusService(record, fullSync);
        periodic = b.schedule == null ? Optional.empty()
                : Optional.of(new PeriodicSync(fullSync, b.periodicScheduler, clock, listener, b.schedule,
                state.syncLease()));
        recovery = b.recoveryScheduler == null ? Optional.empty()
                : Optional.of(new CrashRecovery(runtime, pipeline, state, b.owner, b.recoveryScheduler, clock,
                listener, b.inboxTiming, fullSync));
        prober = b.probeScheduler == null ? Optional.empty()
                : Optional.of(new ConnectionProber(record, b.probeScheduler, b.probeTiming));
    }

    public static Builder builder() {
        return new Builder();
    }

    public FullSyncService fullSync() {
        return fullSync;
    }

    public ChangeService changes() {
        return changes;
    }

    public ChangePipeline pipeline() {
        return pipeline;
    }

    public WebhookService webhooks() {
        return webhooks;
    }

    public StatusService status() {
        return status;
    }

    /** The periodic full sync, when the builder was given a schedule; started by the caller. */
    public Optional<PeriodicSync> periodicSync() {
        return periodic;
    }

    /** The background connection probes, when the builder was given a scheduler for them; started by the caller. */
    public Optional<ConnectionProber> connectionProber() {
        return prober;
    }

    /** The inbox's recovery, when the builder was given a scheduler for it; started by the caller. */
    public Optional<CrashRecovery> crashRecovery() {
        return recovery;
    }

    /** The state store the engine keeps its durable state in. */
    public StateStore state() {
        return state;
    }

    /** The runtime in use now (for reading its parts; work takes a lease through the services). */
    public SyncRuntime runtime() {
        return runtime.peek();
    }

    /** Uses {@code next} for all work that starts from now on; the previous runtime closes when its work ends. */
    public void reload(SyncRuntime next) {
        runtime.replace(next);
        memory.projects().clear();
    }

    /** Stops taking webhook changes and closes the runtime once no work uses it. */
    @Override
    public void close() {
        periodic.ifPresent(PeriodicSync::close);
        prober.ifPresent(ConnectionProber::close);
        recovery.ifPresent(CrashRecovery::close);
        pipeline.close();
        runtime.close();
    }

    /** A scheduler that never runs anything: the lease is not renewed when nothing runs in the background. */
    private static final TaskScheduler NEVER = (delay, task) -> () -> {
    };

    /** Builds a {@link SyncEngine}: a runtime (or its parts) and a clock are required. */
    public static final class Builder {
        private SyncRuntime runtime;
        private IssueSource source;
        private final List<SyncTarget> targets = new ArrayList<>();
        private IssueEventMapper mapper;
        private IssueWebhookDecoder decoder;
        private Clock clock;
        private SyncListener listener = SyncListener.NONE;
        private Executor background = runnable -> {
            Thread thread = new Thread(runnable, "calplanebot-sync");
            thread.setDaemon(true);
            thread.start();
        };
        private TaskScheduler scheduler = TaskScheduler.IMMEDIATE;
        private PipelineTiming timing = PipelineTiming.IMMEDIATE;
        private Executor workers = Runnable::run;
        private Writers writers = Writers.SEQUENTIAL;
        private int parallelism = 1;
        private TaskScheduler periodicScheduler;
        private Supplier<SyncSchedule> schedule;
        private TaskScheduler probeScheduler;
        private ProbeTiming probeTiming;
        private StateStore state = new InMemoryStateStore();
        private String owner = "local";
        private Duration leasePeriod = Duration.ofMinutes(1);
        private TaskScheduler recoveryScheduler;
        private InboxTiming inboxTiming = InboxTiming.SERVICE;
        private TaskScheduler renewals = NEVER;

        private Builder() {
        }

        /** The whole runtime at once; otherwise give the source, store, mapper and (for webhooks) decoder. */
        public Builder runtime(SyncRuntime value) {
            this.runtime = value;
            return this;
        }

        public Builder issueSource(IssueSource value) {
            this.source = value;
            return this;
        }

        /** The one store written to (a target named {@code calendar}); or give several with {@link #target}. */
        public Builder calendarStore(CalendarStore value) {
            this.targets.add(SyncTarget.of(value));
            return this;
        }

        /** One more place to write to; each target gets its own plan. */
        public Builder target(SyncTarget value) {
            this.targets.add(Objects.requireNonNull(value, "target"));
            return this;
        }

        public Builder mapper(IssueEventMapper value) {
            this.mapper = value;
            return this;
        }

        public Builder webhookDecoder(IssueWebhookDecoder value) {
            this.decoder = value;
            return this;
        }

        public Builder clock(Clock value) {
            this.clock = value;
            return this;
        }

        /** Hears every run, action, change and delivery; by default nobody. */
        public Builder listener(SyncListener value) {
            this.listener = Objects.requireNonNull(value, "listener");
            return this;
        }

        /** Runs triggered full syncs; by default a new daemon thread each time. */
        public Builder background(Executor value) {
            this.background = Objects.requireNonNull(value, "background");
            return this;
        }

        /**
         * Drives the webhook pipeline; by default changes are applied at once in the thread that delivered them
         * ({@link TaskScheduler#IMMEDIATE} with {@link PipelineTiming#IMMEDIATE}).
         */
        public Builder pipeline(TaskScheduler scheduler, PipelineTiming timing) {
            this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
            this.timing = Objects.requireNonNull(timing, "timing");
            return this;
        }

        /**
         * Lets a full sync write up to {@code parallelism} events of one calendar at once on {@code executor} (a
         * server that scales with connections writes faster; fewer while a store is found unreachable, see
         * {@link WriteLimit}); by default one after another. Keep it below the calendar client's connection
         * limit. A {@linkplain SyncTarget#local() local} target is written one event at a time on one more of these
         * workers, at the same time as the others: give {@code executor} {@code parallelism + 1} threads.
         */
        public Builder fullSyncWriters(Executor executor, int parallelism) {
            this.writers = new Writers(executor, parallelism);
            return this;
        }

        /**
         * Applies webhook changes on {@code workers}, up to {@code parallelism} at once (never two for one issue);
         * by default one at a time in the pipeline's scheduler thread.
         */
        public Builder pipelineWorkers(Executor workers, int parallelism) {
            if (parallelism < 1) {
                throw new IllegalArgumentException("parallelism must be at least 1");
            }
            this.workers = Objects.requireNonNull(workers, "workers");
            this.parallelism = parallelism;
            return this;
        }

        /**
         * Adds the periodic full sync, run by {@code scheduler} (a background thread: a run takes long) on the
         * schedule {@code schedule} gives at each run.
         */
        public Builder periodic(TaskScheduler scheduler, Supplier<SyncSchedule> schedule) {
            this.periodicScheduler = Objects.requireNonNull(scheduler, "scheduler");
            this.schedule = Objects.requireNonNull(schedule, "schedule");
            return this;
        }

        /**
         * Adds the background connection probes, run by {@code scheduler} (a thread of their own: a probe may take up
         * to the timing's timeout) at {@code timing}. Without them health knows only what real requests showed.
         */
        public Builder probes(TaskScheduler scheduler, ProbeTiming timing) {
            this.probeScheduler = Objects.requireNonNull(scheduler, "scheduler");
            this.probeTiming = Objects.requireNonNull(timing, "timing");
            return this;
        }

        /**
         * Where the durable state is kept (by default in memory), and this process's name among the replicas that
         * share it.
         */
        public Builder state(StateStore value, String processName) {
            this.state = Objects.requireNonNull(value, "state");
            this.owner = Objects.requireNonNull(processName, "process name");
            return this;
        }

        /**
         * How long the full-sync lease holds unless renewed (1 minute), and who renews it while a sync runs: a
         * thread that a full sync never blocks. Without it the lease is not renewed.
         */
        public Builder lease(Duration period, TaskScheduler renewals) {
            this.leasePeriod = Objects.requireNonNull(period, "lease period");
            this.renewals = Objects.requireNonNull(renewals, "renewals");
            return this;
        }

        /**
         * Adds the inbox's recovery, run by {@code scheduler} at {@code timing}: it takes over deliveries a process
         * that died left in the inbox.
         */
        public Builder crashRecovery(TaskScheduler scheduler, InboxTiming timing) {
            this.recoveryScheduler = Objects.requireNonNull(scheduler, "scheduler");
            this.inboxTiming = Objects.requireNonNull(timing, "timing");
            return this;
        }

        public SyncEngine build() {
            return new SyncEngine(this);
        }

        private SyncRuntime runtime() {
            if (runtime != null) {
                return runtime;
            }
            return new SyncRuntime(Objects.requireNonNull(source, "issue source"), targets,
                    Objects.requireNonNull(mapper, "mapper"), Optional.ofNullable(decoder), List.of());
        }
    }
}
