package org.gridgov.registry.internal;

import java.time.Clock;
import java.time.Duration;
import org.gridgov.common.Unscoped;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Ends the import jobs whose node stopped while they ran. A running job marks itself alive with every chunk it writes
 * (a chunk takes well under a second), so a job silent for the stall period has no thread left to finish it. Keyed on
 * that mark rather than on a start-up hook, it also ends the jobs of another node that went away, and never a job a
 * live node is still running.
 */
@Component
@Unscoped("ends stalled jobs of every scope; no caller")
class StalledImports {

    private static final Logger log = LoggerFactory.getLogger(StalledImports.class);

    static final String FAILURE = "导入中断：处理该文件的服务已停止（如重启）。已接受的行已保存，其余行未处理；请核对后只导入未处理的行。"
            + " / Import interrupted: the service working on the file stopped (for example, a restart). Rows"
            + " accepted so far are saved, the rest were not read; import only those again.";

    private final ImportRepository imports;
    private final Clock clock;
    private final Duration stall;

    StalledImports(
            ImportRepository imports, Clock clock, @Value("${gridgov.registry.import-stall:PT5M}") Duration stall) {
        this.imports = imports;
        this.clock = clock;
        this.stall = stall;
    }

    @Scheduled(fixedDelayString = "${gridgov.registry.import-stall-scan:PT1M}", initialDelayString = "PT30S")
    int endStalled() {
        var now = clock.instant();
        int ended = imports.failStalled(now.minus(stall), FAILURE, now);
        if (ended > 0) {
            log.warn("Ended {} import job(s) silent since {}", ended, now.minus(stall));
        }
        return ended;
    }
}
