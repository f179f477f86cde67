package io.netstatd;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import com.tngtech.archunit.library.Architectures;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import org.junit.jupiter.api.Test;

/**
 * The rooms of the house and which may use which (see the package Javadoc of
 * {@code io.netstatd}): the features above the kernel's readers, the readers above what
 * everything shares, the web layer beside the features and knowing none of them.
 */
class LayeringTests {

	private static final JavaClasses MAIN = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.netstatd");

	@Test
	void roomsUseOnlyTheRoomsBelowThem() {
		Architectures.layeredArchitecture()
			.consideringOnlyDependenciesInLayers()
			.layer("Application")
			.definedBy("io.netstatd")
			.layer("Web")
			.definedBy("io.netstatd.web..")
			.layer("Core")
			.definedBy("io.netstatd.core..")
			.layer("Views")
			.definedBy("io.netstatd.views..")
			.layer("Live")
			.definedBy("io.netstatd.live..")
			.layer("Export")
			.definedBy("io.netstatd.export..")
			.layer("Kernel")
			.definedBy("io.netstatd.kernel..")
			.layer("Support")
			.definedBy("io.netstatd.support..")
			.whereLayer("Application")
			.mayNotBeAccessedByAnyLayer()
			.whereLayer("Web")
			.mayOnlyBeAccessedByLayers("Application")
			.whereLayer("Export")
			.mayOnlyBeAccessedByLayers("Application")
			.whereLayer("Core")
			.mayOnlyBeAccessedByLayers("Application", "Export")
			.whereLayer("Views")
			.mayOnlyBeAccessedByLayers("Application", "Core", "Live", "Export")
			.whereLayer("Live")
			.mayOnlyBeAccessedByLayers("Application", "Core", "Export")
			.whereLayer("Kernel")
			.mayOnlyBeAccessedByLayers("Application", "Web", "Core", "Views", "Live", "Export")
			.check(MAIN);
	}

	@Test
	void noPackagesImportEachOtherInACircle() {
		SlicesRuleDefinition.slices().matching("io.netstatd.(*).(*)..").should().beFreeOfCycles().check(MAIN);
	}

	@Test
	void theKernelsReadersKnowNothingOfHttp() {
		ArchRuleDefinition.noClasses()
			.that()
			.resideInAPackage("io.netstatd.kernel..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework.web..", "jakarta.servlet..")
			.check(MAIN);
	}

}
