package com.example.monitor.run;

/** Hears when a run starts and when it has ended (its report written); called on the run's thread, keep it quick. */
public interface RunListener {

    default void runStarted(AnalysisRun run) {
    }

    void runEnded(AnalysisRun run);
}
