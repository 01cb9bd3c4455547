package jp.smb.incident;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The packages are capabilities (intake, severity, reporting, record, …) that depend on each other one way only:
 * a change in one never has to be read together with another that depends back on it.
 */
@AnalyzeClasses(packages = "jp.smb.incident", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageCyclesTest {

  @ArchTest
  static final ArchRule packagesDependOnEachOtherOneWayOnly =
      slices().matching("jp.smb.incident.(*)..").should().beFreeOfCycles();
}
