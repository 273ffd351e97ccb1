package dev.orchestrator.bench;

/**
 * The figures of one drain of a preloaded queue by one consumer process, from samples taken while it runs: the
 * window opens at the first sample in which outputs have arrived (so the consumer's start-up, a JVM thread or a
 * Python interpreter, is left out) and closes at the first in which all {@code total} have; the rate and the
 * process's CPU per event are those of that window, the RSS the highest sampled. The broker's CPU per event over the
 * same window says what the consumer's way of consuming costs the broker (a shared broker's other clients count too).
 */
final class DrainWindow {

    private final long total;
    private long openNanos;
    private long openReceived = -1;
    private double openCpu;
    private double openBrokerCpu;
    private long closeNanos;
    private long closeReceived = -1;
    private double closeCpu;
    private double closeBrokerCpu;
    private double peakRssMb;

    DrainWindow(long total) {
        this.total = total;
    }

    /**
     * One sample at {@code nanos}: outputs received so far, the consumer's and the broker's CPU seconds (NaN when
     * unknown) and the consumer's RSS; true once all outputs have arrived (later samples change nothing).
     */
    boolean sample(long nanos, long received, double cpuSeconds, double brokerCpuSeconds, double rssMb) {
        if (closed()) return true;
        peakRssMb = Math.max(peakRssMb, rssMb);
        if (openReceived < 0 && received > 0) {
            openNanos = nanos;
            openReceived = received;
            openCpu = cpuSeconds;
            openBrokerCpu = brokerCpuSeconds;
        }
        if (received >= total) {
            closeNanos = nanos;
            closeReceived = received;
            closeCpu = cpuSeconds;
            closeBrokerCpu = brokerCpuSeconds;
        }
        return closed();
    }

    boolean closed() { return closeReceived >= 0; }

    private long counted() {
        return closed() ? closeReceived - openReceived : 0;
    }

    /** Events per second between the window's samples; NaN before it closed or when it holds no event. */
    double eventsPerSecond() {
        return counted() > 0 && closeNanos > openNanos ? counted() * 1e9 / (closeNanos - openNanos) : Double.NaN;
    }

    /** The consumer's CPU microseconds per event in the window; NaN as {@link #eventsPerSecond()}. */
    double cpuMicrosPerEvent() {
        return counted() > 0 ? (closeCpu - openCpu) * 1e6 / counted() : Double.NaN;
    }

    /** The broker's CPU microseconds per event in the window; NaN when unknown. */
    double brokerCpuMicrosPerEvent() {
        return counted() > 0 ? (closeBrokerCpu - openBrokerCpu) * 1e6 / counted() : Double.NaN;
    }

    double peakRssMb() { return peakRssMb; }
}
