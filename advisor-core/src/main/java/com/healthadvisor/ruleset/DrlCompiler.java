package com.healthadvisor.ruleset;

import com.healthadvisor.RuleProblem;
import org.drools.core.impl.RuleBaseFactory;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.KieBase;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.builder.model.KieModuleModel;
import org.kie.api.definition.KiePackage;
import org.kie.internal.builder.conf.ParallelRulesBuildThresholdOption;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Compiles DRL text into a KieBase through the classic DRL path (drools-mvel on the classpath), whose
 * errors carry the DRL file and line.
 */
final class DrlCompiler {

    private static final String ROOT = "src/main/resources/rules/";
    private static final ClassLoader PARENT = new RuleClassFence(DrlCompiler.class.getClassLoader());
    /**
     * Rules built on the compiling thread alone. Drools would build them on the common fork-join pool as well,
     * which in a running service takes the cores serving requests: with two cores under load, a recompile
     * then made the slowest request slower (83 ms against 55 to 58 ms) and the reload no faster.
     */
    private static final KieModuleModel ONE_THREAD = oneThread();

    private DrlCompiler() {
    }

    static KieBase compile(List<RuleFile> drls, List<RuleProblem> problems) {
        KieServices services = KieServices.Factory.get();
        KieFileSystem files = services.newKieFileSystem();
        // Each build gets its own release id, removed from the repository once the KieBase exists,
        // so that reloading rules many times does not keep old modules alive.
        ReleaseId release = services.newReleaseId("com.healthadvisor", "rules", "1.0.0-" + UUID.randomUUID());
        files.generateAndWritePomXML(release);
        files.writeKModuleXML(ONE_THREAD.toXML());
        // Declared after the file's last line, so that every line number Drools reports is the file's own.
        drls.forEach(drl -> files.write(ROOT + drl.name(), drl.content() + "\n" + FactTypes.LIMITS_DECLARATION + "\n"));
        KieBuilder builder = services.newKieBuilder(files, PARENT).buildAll();
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        if (!errors.isEmpty()) {
            errors.forEach(error -> problems.add(problem(error)));
            return null;
        }
        try {
            return services.newKieContainer(release, PARENT).getKieBase();
        } finally {
            services.getRepository().removeKieModule(release);
        }
    }

    /**
     * A KieBase of packages compiled before (read from a {@link CompiledRuleCache}), its generated classes
     * defined under the same fence as a fresh compile's.
     */
    static KieBase fromPackages(Collection<KiePackage> packages) {
        KieBaseConfiguration configuration = RuleBaseFactory.newKnowledgeBaseConfiguration(null, PARENT);
        configuration.setProperty(ParallelRulesBuildThresholdOption.PROPERTY_NAME, String.valueOf(Integer.MAX_VALUE));
        InternalKnowledgeBase kieBase = KnowledgeBaseFactory.newKnowledgeBase(configuration);
        kieBase.addPackages(packages);
        return kieBase;
    }

    /** The class loader a cached entry's objects are read with: the application's, as the fact types are. */
    static ClassLoader application() {
        return DrlCompiler.class.getClassLoader();
    }

    private static KieModuleModel oneThread() {
        KieModuleModel module = KieServices.Factory.get().newKieModuleModel();
        module.setConfigurationProperty(ParallelRulesBuildThresholdOption.PROPERTY_NAME, String.valueOf(Integer.MAX_VALUE));
        return module;
    }

    private static RuleProblem problem(Message error) {
        String path = error.getPath() == null ? "rules" : error.getPath();
        String file = path.startsWith(ROOT) ? path.substring(ROOT.length()) : path;
        String text = error.getText().replaceAll("\\s+", " ").trim();
        return new RuleProblem(file, Math.max(error.getLine(), 0), text);
    }
}
