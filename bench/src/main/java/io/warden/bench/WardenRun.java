package io.warden.bench;

import tools.jackson.databind.JsonNode;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * The phases of one Warden run on its own database: screening list, registrations at 1/4/16 clients, bulk intake,
 * cases, takedown, history growth, query checkpoints and a replay of every processor. Every figure goes into
 * {@link #figures}; nothing is asserted.
 */
final class WardenRun {

    static final int BATCH = 1_000;
    static final int DETECTORS = 4;
    private static final int[] LEVELS = {1, 4, 16};
    /**
     * The command side's own tracking processors (application.yml lists them under warden.processors.overrides):
     * they send commands or keep lookups, they are no projections, and replaying them would re-screen every account.
     */
    static final java.util.Set<String> COMMAND_SIDE = java.util.Set.of("export-controls", "export-control-lookups",
            "referral-lookups", "case-enforcement", "flagging-rules", "campaign-takedown");

    private final Scale scale;
    private final Workload workload;
    private final WardenChild child;
    private final Api api;
    private final Database db;
    private final String database;
    private final boolean main;
    private final byte[] screeningList;
    private final String screeningSource;
    final Map<String, Object> figures = new LinkedHashMap<>();
    final List<String> notes = new ArrayList<>();
    private long intakeEvents;
    private long growthSent;
    private int campaignSent;

    WardenRun(Scale scale, long seed, WardenChild child, Database db, String database, boolean main,
              byte[] screeningList, String screeningSource) {
        this.scale = scale;
        this.workload = new Workload(scale, seed);
        this.child = child;
        this.api = child.api;
        this.db = db;
        this.database = database;
        this.main = main;
        this.screeningList = screeningList;
        this.screeningSource = screeningSource;
    }

    void runAll() throws Exception {
        figures.put("startupSeconds", Stats.round(child.startSeconds()));
        importScreeningList();
        registrations();
        intake();
        List<String> caseIds = cases();
        takedown(caseIds.get(caseIds.size() - 1));
        if (main) {
            growHistory();
            checkpoint("atHistory", scale.history());
        }
        replay();
        figures.put("events", events());
        figures.put("workload", workloadFigures());
    }

    private Map<String, Object> workloadFigures() throws SQLException {
        Map<String, Object> w = new LinkedHashMap<>();
        w.put("campaignAccounts", scale.campaignAccounts());
        w.put("campaigns", scale.campaigns());
        w.put("legitimateAccounts", scale.legitimate());
        w.put("campaignViolations", workload.violations());
        w.put("campaignInteractions", workload.totalInteractions());
        w.put("campaignViolationsSent", campaignSent);
        w.put("campaignInteractionsSent", workload.interactions(campaignSent));
        w.put("legitimateAccountsRegistered", legitimateRegistered.size());
        w.put("growthViolationsSent", growthSent);
        w.put("violationEventsInStore", count("payload_type like '%ViolationRecordedEvent'"));
        w.put("registeredEventsInStore", count("payload_type like '%AccountRegisteredEvent'"));
        return w;
    }

    // ---------------------------------------------------------------------------------------------------------
    private void importScreeningList() {
        long t0 = System.nanoTime();
        Api.Response r = Api.expectOk(api.postMultipart(Api.User.ERIN, "/admin/screening/lists",
                "consolidated_screening_list.csv.gz", screeningList), "screening list import");
        JsonNode j = r.json();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", screeningSource);
        m.put("rows", j.path("rows").asLong());
        m.put("rejected", j.path("rejected").asLong());
        m.put("seconds", Stats.round((System.nanoTime() - t0) / 1e9));
        figures.put("screeningList", m);
    }

    private void registrations() throws Exception {
        List<Workload.Account> all = workload.accounts;
        int from = 0;
        Map<String, Object> levels = new LinkedHashMap<>();
        long deadline = System.nanoTime() + scale.registerBudgetS() * 1_000_000_000L;
        for (int l = 0; l < LEVELS.length; l++) {
            int n = l == LEVELS.length - 1 ? all.size() - from : Math.min(scale.singleClients()[l], all.size() - from);
            List<Workload.Account> slice = all.subList(from, from + n);
            from += n;
            levels.put(Integer.toString(LEVELS[l]), register(slice, LEVELS[l], deadline));
        }
        figures.put("singleCommands", levels);
        if (legitimateRegistered.size() < scale.legitimate()) {
            notes.add("registration budget (" + scale.registerBudgetS() + " s) reached: " + legitimateRegistered.size() + " of "
                    + scale.legitimate() + " legitimate accounts registered (every campaign account was)");
        }
    }

    private final List<String> legitimateRegistered = java.util.Collections.synchronizedList(new ArrayList<>());

    private Map<String, Object> register(List<Workload.Account> accounts, int clients, long deadline) throws Exception {
        long[] lat = new long[accounts.size()];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        AtomicInteger sent = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long t0 = System.nanoTime();
        List<Future<?>> fs = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            fs.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < accounts.size(); i = next.getAndIncrement()) {
                    Workload.Account a = accounts.get(i);
                    if (a.campaign() < 0 && System.nanoTime() > deadline) {
                        lat[i] = -1;
                        continue;
                    }
                    sent.incrementAndGet();
                    if (a.campaign() < 0) {
                        legitimateRegistered.add(a.accountId());
                    }
                    long s = System.nanoTime();
                    Api.Response r = api.post(Api.User.DAVE, "/accounts", a.body());
                    lat[i] = System.nanoTime() - s;
                    if (r.status() != 201 && r.status() != 200) {
                        if (failures.incrementAndGet() <= 3) {
                            System.out.println("[bench] registration of " + a.accountId() + ": " + r.status() + " " + Api.abbreviate(r.body()));
                        }
                    }
                }
                return null;
            }));
        }
        Workers.awaitAll(pool, fs);
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " registrations failed");
        }
        long[] measured = java.util.Arrays.stream(lat).filter(x -> x >= 0).toArray();
        Map<String, Object> m = new LinkedHashMap<>(Stats.latency(measured));
        m.put("clients", clients);
        m.put("commands", sent.get());
        m.put("seconds", Stats.round(seconds));
        m.put("perSecond", Stats.round(sent.get() / seconds));
        System.out.printf("[bench] %d registrations at %d clients: %.0f/s, p50 %.1f ms, p99 %.1f ms%n", sent.get(), clients,
                sent.get() / seconds, m.get("p50Ms"), m.get("p99Ms"));
        return m;
    }

    // ---------------------------------------------------------------------------------------------------------
    /** Sends items [0, n) built by {@code item} in batches of {@link #BATCH} from {@link #DETECTORS} clients. */
    private long[] sendBatches(int n, IntFunction<Map<String, Object>> item) throws Exception {
        int batches = (n + BATCH - 1) / BATCH;
        AtomicInteger next = new AtomicInteger();
        AtomicLong accepted = new AtomicLong();
        AtomicLong duplicates = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(DETECTORS);
        List<Future<?>> fs = new ArrayList<>();
        for (int c = 0; c < DETECTORS; c++) {
            fs.add(pool.submit(() -> {
                for (int b = next.getAndIncrement(); b < batches; b = next.getAndIncrement()) {
                    List<Map<String, Object>> items = new ArrayList<>(BATCH);
                    for (int i = b * BATCH; i < Math.min(n, (b + 1) * BATCH); i++) {
                        items.add(item.apply(i));
                    }
                    Api.Response r = Api.expectOk(api.post(Api.User.DAVE, "/violations:batch", Map.of("violations", items)),
                            "violations:batch " + b);
                    JsonNode j = r.json();
                    if (j.path("rejected").size() > 0) {
                        throw new IllegalStateException("batch " + b + " rejected items: " + Api.abbreviate(j.path("rejected").toString()));
                    }
                    accepted.addAndGet(j.path("accepted").asLong());
                    duplicates.addAndGet(j.path("duplicates").asLong());
                }
                return null;
            }));
        }
        Workers.awaitAll(pool, fs);
        return new long[]{accepted.get(), duplicates.get()};
    }

    private void intake() throws Exception {
        int n = workload.violations();
        int sent = 0;
        long activeNanos = 0;
        long events = 0;
        long accepted = 0;
        boolean checkpointDone = !main;
        long deadline = System.nanoTime() + scale.intakeBudgetS() * 1_000_000_000L;
        while (sent < n && System.nanoTime() < deadline) {
            int chunk = n - sent;
            long before = events();
            chunk = Math.min(chunk, 2 * DETECTORS * BATCH); // the budget is checked between chunks
            if (!checkpointDone && before < scale.firstCheckpoint()) {
                // stop at the first checkpoint's size, measure there, then go on
                chunk = (int) Math.min(chunk, Math.max(BATCH, ((scale.firstCheckpoint() - before) + BATCH - 1) / BATCH * BATCH));
            }
            int offset = sent;
            long t0 = System.nanoTime();
            long[] r = sendBatches(chunk, i -> workload.campaignViolation(offset + i));
            activeNanos += System.nanoTime() - t0;
            events += events() - before;
            accepted += r[0];
            sent += chunk;
            if (!checkpointDone && events() >= scale.firstCheckpoint()) {
                checkpoint("atFirstCheckpoint", scale.firstCheckpoint());
                checkpointDone = true;
            }
        }
        if (!checkpointDone) {
            checkpoint("atFirstCheckpoint", scale.firstCheckpoint());
        }
        intakeEvents = events;
        campaignSent = sent;
        if (sent < n) {
            notes.add("intake budget (" + scale.intakeBudgetS() + " s) reached: " + sent + " of " + n + " campaign violations sent ("
                    + workload.interactions(sent) + " of " + workload.totalInteractions() + " interactions)");
        }
        double seconds = activeNanos / 1e9;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("violationsSent", sent);
        m.put("interactionsSent", workload.interactions(sent));
        m.put("accepted", accepted);
        m.put("eventsWritten", events);
        m.put("seconds", Stats.round(seconds));
        m.put("eventsPerSecond", Stats.round(events / seconds));
        m.put("batchSize", BATCH);
        m.put("clients", DETECTORS);
        figures.put("intake", m);
        System.out.printf("[bench] intake: %d events in %.1f s = %.0f events/s%n", events, seconds, events / seconds);
    }

    long intakeEvents() {
        return intakeEvents;
    }

    private void growHistory() throws Exception {
        long t0 = System.nanoTime();
        long start = events();
        long deadline = System.nanoTime() + scale.growthBudgetS() * 1_000_000_000L;
        long nextId = 0;
        List<String> legit = List.copyOf(legitimateRegistered);
        while (events() < scale.history() && System.nanoTime() < deadline) {
            long missing = scale.history() - events();
            int chunk = (int) Math.min(Math.max(missing, BATCH), 2L * DETECTORS * BATCH);
            long base = nextId;
            sendBatches(chunk, i -> workload.growthViolation(base + i, legit));
            nextId += chunk;
        }
        if (events() < scale.history()) {
            notes.add("growth budget (" + scale.growthBudgetS() + " s) reached: history is " + events() + " events, not "
                    + scale.history() + "; the second checkpoint is measured there");
        }
        growthSent = nextId;
        double s = (System.nanoTime() - t0) / 1e9;
        long written = events() - start;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("violationsSent", nextId);
        m.put("eventsWritten", written);
        m.put("seconds", Stats.round(s));
        m.put("eventsPerSecond", Stats.round(written / s));
        figures.put("growth", m);
        System.out.printf("[bench] history grown to %d events (%d written in %.1f s)%n", events(), written, s);
    }

    // ---------------------------------------------------------------------------------------------------------
    private List<String> cases() {
        List<String> ids = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int c = 0; c < workload.campaignIds.size(); c++) {
            Map<String, Object> open = new LinkedHashMap<>();
            open.put("title", "Distillation campaign " + (c + 1) + ": " + Workload.FIRMS[c % Workload.FIRMS.length]);
            open.put("category", "USAGE_POLICY");
            open.put("severity", "CRITICAL");
            open.put("summary", "Coordinated accounts behind proxy networks harvesting model outputs");
            String caseId = Api.expectOk(api.post(Api.User.ALICE, "/cases", open), "open case").json().path("caseId").asString();
            List<String> accounts = workload.campaignIds.get(c);
            for (int i = 0; i < accounts.size(); i += 10_000) {
                Api.expectOk(api.post(Api.User.ALICE, "/cases/" + caseId + "/accounts",
                        Map.of("accountIds", accounts.subList(i, Math.min(accounts.size(), i + 10_000)))), "link accounts");
            }
            ids.add(caseId);
        }
        figures.put("casesSeconds", Stats.round((System.nanoTime() - t0) / 1e9));
        return ids;
    }

    private void takedown(String caseId) throws SQLException {
        int accounts = workload.campaignIds.get(workload.campaignIds.size() - 1).size();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("accounts", accounts);
        m.put("caughtUpBefore", awaitCaughtUp(scale.catchUpBudgetS()));
        long suspendedBefore = dashboardSuspended();
        JsonNode req = Api.expectOk(api.post(Api.User.ALICE, "/cases/" + caseId + "/enforcement",
                Map.of("action", "SUSPEND", "reason", "coordinated distillation")), "takedown request").json();
        String enforcementId = req.path("enforcementId").asString();
        m.put("requestStatus", req.path("status").asString());
        long t0 = System.nanoTime();
        Instant approvedAt = Instant.now();
        if ("PENDING_APPROVAL".equals(req.path("status").asString())) {
            Api.expectOk(api.post(Api.User.BOB, "/approvals/" + enforcementId + "/approve",
                    Map.of("comment", "campaign confirmed")), "takedown approval");
            approvedAt = Instant.now();
            t0 = System.nanoTime();
            m.put("approvedBy", "bob");
        }
        m.put("timedFrom", "the approval's answer (bob, a second user; alice requested)");
        long deadline = System.nanoTime() + (long) (scale.catchUpBudgetS() + (main ? 120 : 60)) * 1_000_000_000L;
        Double completedView = null, accountsView = null, dashboardView = null, processorsView = null;
        long done = 0, skipped = 0, failed = 0, suspendedSeen = 0;
        double lastSeenAt = 0;
        while (System.nanoTime() < deadline) {
            double now = Stats.round((System.nanoTime() - t0) / 1e9);
            if (completedView == null) {
                JsonNode v = api.get(Api.User.CAROL, "/cases/" + caseId + "/enforcement/" + enforcementId).json();
                if ("COMPLETED".equals(v.path("status").asString())) {
                    completedView = now;
                    done = v.path("done").asLong();
                    skipped = v.path("skipped").asLong();
                    failed = v.path("failed").asLong();
                }
            }
            if (accountsView == null) {
                JsonNode page = api.get(Api.User.CAROL, "/accounts?caseId=" + caseId + "&status=SUSPENDED&size=1").json();
                suspendedSeen = page.path("totalItems").asLong();
                lastSeenAt = now;
                if (completedView != null && suspendedSeen >= accounts - failed) {
                    accountsView = now;
                }
            }
            if (accountsView != null && dashboardView == null && dashboardSuspended() - suspendedBefore >= done) {
                dashboardView = now;
            }
            if (dashboardView != null && processorsView == null && caughtUp()) {
                processorsView = now;
                break;
            }
            Api.sleep(200);
        }
        Double writeSide = writeSideCompletion(approvedAt);
        m.put("writeSideSeconds", writeSide);
        m.put("takedownViewCompletedSeconds", completedView);
        m.put("accountViewsSuspendedSeconds", accountsView);
        m.put("dashboardSeconds", dashboardView);
        m.put("readModelsConsistentSeconds", processorsView);
        m.put("done", done);
        m.put("skipped", skipped);
        m.put("failed", failed);
        if (processorsView != null) {
            m.put("accountsPerSecond", Stats.round(accounts / processorsView));
        } else {
            // budget reached: the rate at which the account views showed suspensions so far
            m.put("accountsPerSecond", lastSeenAt > 0 ? Stats.round(suspendedSeen / lastSeenAt) : null);
            m.put("partial", true);
            notes.add("takedown: read models not consistent within the budget (" + suspendedSeen + " of " + accounts
                    + " accounts suspended in the account views after " + lastSeenAt + " s); its rate is that so far");
        }
        if (writeSide != null) {
            m.put("writeSideAccountsPerSecond", Stats.round(accounts / writeSide));
        }
        figures.put("takedown", m);
        System.out.printf("[bench] takedown of %d accounts: write side %s s, read models %s s%n", accounts, writeSide, processorsView);
    }

    private Double writeSideCompletion(Instant approvedAt) throws SQLException {
        try (Connection c = db.connect(database); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select time_stamp from domain_event_entry where payload_type like '%CaseEnforcementCompletedEvent'"
                     + " order by global_index desc limit 1")) {
            if (!rs.next()) {
                return null;
            }
            Instant at = Instant.parse(rs.getString(1));
            return Stats.round((at.toEpochMilli() - approvedAt.toEpochMilli()) / 1000.0);
        }
    }

    private long dashboardSuspended() {
        return api.get(Api.User.CAROL, "/dashboard").json().path("accountsByStatus").path("SUSPENDED").asLong();
    }

    // ---------------------------------------------------------------------------------------------------------
    private JsonNode processors() {
        return Api.expectOk(api.get(Api.User.ERIN, "/admin/processors"), "processor status").json().path("items");
    }

    private boolean caughtUp() {
        for (JsonNode p : processors()) {
            if ("subscribing".equals(p.path("type").asString())) {
                continue;
            }
            if (p.path("replaying").asBoolean() || p.path("lag").asLong(1) != 0 || p.path("error").asBoolean()) {
                return false;
            }
        }
        return true;
    }

    private Map<String, Object> awaitCaughtUp(int budgetSeconds) {
        long t0 = System.nanoTime();
        long deadline = t0 + budgetSeconds * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (caughtUp()) {
                return Map.of("caughtUp", true, "waitedSeconds", Stats.round((System.nanoTime() - t0) / 1e9));
            }
            Api.sleep(500);
        }
        Map<String, Object> lag = new LinkedHashMap<>();
        for (JsonNode p : processors()) {
            if (p.has("lag")) {
                lag.put(p.path("name").asString(), p.path("lag").asLong());
            }
        }
        notes.add("processors had not caught up after " + budgetSeconds + " s (lag " + lag + "); measured anyway");
        return Map.of("caughtUp", false, "waitedSeconds", budgetSeconds, "lag", lag);
    }

    private void checkpoint(String name, long target) throws SQLException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("targetEvents", target);
        m.put("events", events());
        m.put("catchUp", awaitCaughtUp(scale.catchUpBudgetS()));
        SplittableRandom rnd = new SplittableRandom(target);
        List<String> accounts = new ArrayList<>(legitimateRegistered); // the registration budget may have left some out
        workload.campaignIds.forEach(accounts::addAll);
        String[] names = {"Quillmont Dataworks", "Hangzhou Hikvision Digital Technology", "Rosoboronexport", "Acme Widgets",
                "Huawei Technologies", "Veyra Signal Labs", "Kaspersky Lab", "Northwind Traders", "China Electronics Technology Group",
                "Siemens"};
        int n = scale.latencySamples();
        m.put("dashboard", measure(n, i -> api.get(Api.User.CAROL, "/dashboard")));
        m.put("account", measure(n, i -> api.get(Api.User.CAROL, "/accounts/" + accounts.get(rnd.nextInt(accounts.size())))));
        m.put("audit", measure(n, i -> api.get(Api.User.CAROL, "/accounts/" + accounts.get(rnd.nextInt(accounts.size())) + "/audit")));
        m.put("screening", measure(n, i -> api.post(Api.User.CAROL, "/screening/check",
                Map.of("name", names[rnd.nextInt(names.length)], "country", "CN"))));
        figures.put(name, m);
        System.out.printf("[bench] checkpoint at %d events: dashboard p99 %s ms, account p99 %s ms, audit p99 %s ms, screening p99 %s ms%n",
                (Long) m.get("events"), ((Map<?, ?>) m.get("dashboard")).get("p99Ms"), ((Map<?, ?>) m.get("account")).get("p99Ms"),
                ((Map<?, ?>) m.get("audit")).get("p99Ms"), ((Map<?, ?>) m.get("screening")).get("p99Ms"));
    }

    /** A warm-up of a tenth, then {@code n} sequential requests; answers other than 2xx are counted, not fatal. */
    private Map<String, Object> measure(int n, IntFunction<Api.Response> call) {
        for (int i = 0; i < Math.max(5, n / 10); i++) {
            call.apply(i);
        }
        long[] lat = new long[n];
        int failed = 0;
        String firstFailure = null;
        for (int i = 0; i < n; i++) {
            long s = System.nanoTime();
            Api.Response r = call.apply(i);
            lat[i] = System.nanoTime() - s;
            if (!r.ok()) {
                failed++;
                firstFailure = firstFailure == null ? r.status() + " " + Api.abbreviate(r.body()) : firstFailure;
            }
        }
        Map<String, Object> m = new LinkedHashMap<>(Stats.latency(lat));
        m.put("non2xx", failed);
        if (failed > 0) {
            notes.add(failed + " of " + n + " measured requests answered " + firstFailure);
        }
        return m;
    }

    // ---------------------------------------------------------------------------------------------------------
    private void replay() throws SQLException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("before", awaitCaughtUp(scale.catchUpBudgetS()));
        long head = events();
        List<String> names = new ArrayList<>();
        List<String> notProjections = new ArrayList<>();
        for (JsonNode p : processors()) {
            if (p.path("replayable").asBoolean()) {
                (COMMAND_SIDE.contains(p.path("name").asString()) ? notProjections : names).add(p.path("name").asString());
            }
        }
        m.put("replayed", names);
        m.put("notReplayed", notProjections);
        long t0 = System.nanoTime();
        for (String name : names) {
            Api.expectOk(api.post(Api.User.ERIN, "/admin/processors/" + name + "/replay", "{}"), "replay " + name);
        }
        Map<String, Double> doneAt = new LinkedHashMap<>();
        Map<String, Long> positions = new LinkedHashMap<>();
        long deadline = t0 + scale.replayBudgetS() * 1_000_000_000L;
        Api.sleep(300);
        while (doneAt.size() < names.size() && System.nanoTime() < deadline) {
            double now = (System.nanoTime() - t0) / 1e9;
            for (JsonNode p : processors()) {
                String name = p.path("name").asString();
                if (names.contains(name) && !doneAt.containsKey(name)) {
                    positions.put(name, p.path("position").asLong());
                    if (!p.path("replaying").asBoolean() && p.path("lag").asLong(1) == 0) {
                        doneAt.put(name, now);
                    }
                }
            }
            Api.sleep(250);
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        Map<String, Object> per = new LinkedHashMap<>();
        double slowest = Double.MAX_VALUE;
        for (String name : names) {
            Map<String, Object> p = new LinkedHashMap<>();
            Double d = doneAt.get(name);
            double rate = d != null ? head / d : positions.getOrDefault(name, 0L) / wall;
            p.put("completed", d != null);
            p.put("seconds", d != null ? Stats.round(d) : Stats.round(wall));
            p.put("eventsPerSecond", Stats.round(rate));
            per.put(name, p);
            slowest = Math.min(slowest, rate);
        }
        boolean all = doneAt.size() == names.size();
        m.put("processors", names.size());
        m.put("events", head);
        m.put("completed", all);
        m.put("seconds", Stats.round(wall));
        // all done: events in the store over the wall time; budget reached: the slowest processor's rate so far
        m.put("eventsPerSecond", Stats.round(all ? head / wall : slowest));
        m.put("perProcessor", per);
        if (!all) {
            notes.add("replay did not complete within " + scale.replayBudgetS() + " s; its rate is the slowest processor's so far");
        }
        figures.put("replay", m);
        System.out.printf("[bench] replay of %d processors over %d events: %.1f s, %s events/s%s%n", names.size(), head, wall,
                m.get("eventsPerSecond"), all ? "" : " (budget reached)");
    }

    long events() throws SQLException {
        try (Connection c = db.connect(database); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select coalesce(max(global_index), 0) from domain_event_entry")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private long count(String where) throws SQLException {
        try (Connection c = db.connect(database); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from domain_event_entry where " + where)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
