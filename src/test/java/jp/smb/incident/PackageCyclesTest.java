package jp.smb.incident;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import jp.smb.incident.api.ApiException;
import org.springframework.http.HttpStatus;

/**
 * The packages are capabilities (intake, severity, reporting, record, …) that depend on each other one way only:
 * a change in one never has to be read together with another that depends back on it.
 */
@AnalyzeClasses(packages = "jp.smb.incident", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageCyclesTest {

  @ArchTest
  static final ArchRule packagesDependOnEachOtherOneWayOnly =
      slices().matching("jp.smb.incident.(*)..").should().beFreeOfCycles();

  /** Services speak the domain's refusals ({@code input.Refused}); only the web edge answers in HTTP statuses. */
  @ArchTest
  static final ArchRule onlyTheWebEdgeSpeaksHttp = noClasses().that().resideOutsideOfPackage("jp.smb.incident.api..")
      .and().haveSimpleNameNotEndingWith("Controller")
      .should().dependOnClassesThat().belongToAnyOf(ApiException.class, HttpStatus.class)
      .because("a service's refusal is input.Refused; api.ApiErrors gives it its status");

  /** The contract between diagrams and code is a kernel: every capability may read it, it reads none of them. */
  @ArchTest
  static final ArchRule theContractDependsOnNoCapability = classes().that().resideInAPackage("jp.smb.incident.contract..")
      .should().onlyDependOnClassesThat().resideInAnyPackage("jp.smb.incident.contract..", "java..",
          "org.camunda.bpm.engine.delegate..");
}
