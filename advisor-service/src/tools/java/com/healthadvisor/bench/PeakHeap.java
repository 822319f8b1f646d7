package com.healthadvisor.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;

/** The most heap a piece of work took above what was in use when it began (after a collection). */
final class PeakHeap {

    private final List<MemoryPoolMXBean> pools;
    private final long before;

    private PeakHeap(List<MemoryPoolMXBean> pools, long before) {
        this.pools = pools;
        this.before = before;
    }

    static PeakHeap start() {
        System.gc();
        List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
        long before = pools.stream().mapToLong(pool -> pool.getUsage().getUsed()).sum();
        pools.forEach(MemoryPoolMXBean::resetPeakUsage);
        return new PeakHeap(pools, before);
    }

    double megabytesAbove() {
        long peak = pools.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        return (peak - before) / 1048576.0;
    }
}
