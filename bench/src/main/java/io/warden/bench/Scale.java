package io.warden.bench;

/**
 * The sizes of one workload. Campaign accounts are split over three campaigns (small, medium, large) like the seed
 * incident; campaign violations carry exactly {@code interactions} interactions in their evidence.
 *
 * @param campaigns        accounts of each campaign, smallest first (the last, the largest, is taken down)
 * @param legitimate       legitimate accounts
 * @param violations       campaign violations (one event each)
 * @param interactions     the evidence's interaction counts add up to exactly this
 * @param firstCheckpoint  events in the store at the first query checkpoint
 * @param history          events the history is grown to (the second checkpoint); 0: no growth, one checkpoint
 * @param singleClients    registrations sent by 1, 4 and 16 clients (the rest of the accounts go at 16)
 * @param latencySamples   sequential requests per query endpoint and checkpoint (after a warm-up of a tenth)
 * @param catchUpBudgetS   longest wait for the processors to catch up at a checkpoint or after the takedown
 * @param replayBudgetS    longest wait for a replay of every processor
 * @param rawSeconds       seconds of each single-row insert baseline level
 * @param registerBudgetS  after this long registering, only campaign accounts are still registered (the legitimate
 *                         accounts not reached yet are left out, and said so)
 * @param intakeBudgetS    longest time for the campaign violations (those not sent by then are left out, and said so)
 * @param growthBudgetS    longest time for growing the history
 */
public record Scale(String name, int[] campaigns, int legitimate, int violations, long interactions,
                    long firstCheckpoint, long history, int[] singleClients, int latencySamples,
                    int catchUpBudgetS, int replayBudgetS, int rawSeconds,
                    int registerBudgetS, int intakeBudgetS, int growthBudgetS) {

    public int campaignAccounts() {
        int n = 0;
        for (int c : campaigns) {
            n += c;
        }
        return n;
    }

    public int accounts() {
        return campaignAccounts() + legitimate;
    }

    /** The sizes: 24,000 campaign accounts, 50,000 legitimate ones, 16 million interactions, 1M events. */
    public static Scale full() {
        return new Scale("full", new int[]{3_400, 7_600, 13_000}, 50_000, 120_000, 16_000_000L,
                100_000, 1_000_000, new int[]{1_000, 4_000, 69_000}, 200, 60, 90, 8,
                180, 150, 300);
    }

    public static Scale quick() {
        return new Scale("quick", new int[]{50, 100, 150}, 600, 1_500, 200_000L,
                2_000, 6_000, new int[]{100, 200, 600}, 30, 30, 30, 2,
                600, 600, 600);
    }

    /**
     * The stock-Axon run: a twentieth of the workload, no history growth. Only its rates are compared, and at stock
     * settings a larger share would take minutes the full run needs for growing Warden's history to a million events.
     */
    public Scale stock() {
        int div = 20;
        int[] c = new int[campaigns.length];
        for (int i = 0; i < c.length; i++) {
            c[i] = Math.max(20, campaigns[i] / div);
        }
        int legit = Math.max(50, legitimate / div);
        int total = legit;
        for (int x : c) {
            total += x;
        }
        int one = Math.max(20, singleClients[0] / div), four = Math.max(40, singleClients[1] / div);
        return new Scale(name + "/stock-1:" + div, c, legit, Math.max(200, violations / div), interactions / div,
                0, 0, new int[]{one, four, Math.max(0, total - one - four)}, latencySamples,
                "quick".equals(name) ? 20 : 30, "quick".equals(name) ? 15 : 30, rawSeconds,
                "quick".equals(name) ? 600 : 45, "quick".equals(name) ? 600 : 45, 0);
    }
}
