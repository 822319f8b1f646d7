package com.healthadvisor.web;

import com.healthadvisor.diagnosis.Advisor;
import com.healthadvisor.diagnosis.DiagnosisResult;
import com.healthadvisor.live.ActiveRuleSet;
import com.healthadvisor.report.ResultJson;
import com.healthadvisor.ruleset.RuleSet;
import com.healthadvisor.snapshot.SnapshotReader;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;

/** {@code POST /api/v1/diagnoses}: a snapshot in, the diagnosis out. */
@RestController
@RequestMapping("/api/v1/diagnoses")
class DiagnosisController {

    private final SnapshotReader reader;
    private final Advisor advisor;
    private final ActiveRuleSet active;
    private final AdvisorProperties properties;

    DiagnosisController(SnapshotReader reader, Advisor advisor, ActiveRuleSet active, AdvisorProperties properties) {
        this.reader = reader;
        this.advisor = advisor;
        this.active = active;
        this.properties = properties;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> diagnose(HttpServletRequest request) throws IOException {
        byte[] body = Bodies.read(request, properties.maxSnapshotSize().toBytes());
        // One read of the active rule set: the whole request is evaluated by it, even if a swap happens meanwhile.
        RuleSet ruleSet = active.current();
        DiagnosisResult result = advisor.diagnose(reader.read(body), ruleSet);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(ResultJson.write(result));
    }
}
