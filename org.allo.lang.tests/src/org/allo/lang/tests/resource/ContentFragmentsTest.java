package org.allo.lang.tests.resource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.stream.Stream;

import org.allo.lang.resource.ContentFragments;
import org.allo.lang.tests.AlloProject;
import org.allo.lang.tests.TestFiles;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The one-walk fragments are EMF's own, for every object of every example and valid parser case. */
class ContentFragmentsTest {

	static Stream<Path> files() {
		return Stream.concat(TestFiles.alloFiles(TestFiles.repository().resolve("examples")).stream(),
				TestFiles.alloFiles(TestFiles.resources().resolve("parser/valid")).stream());
	}

	@ParameterizedTest
	@MethodSource("files")
	void fragmentsAreEmfs(Path file) {
		Resource resource = new AlloProject().load(file);
		Map<EObject, String> fragments = ContentFragments.of(resource, object -> true);
		int objects = 0;
		for (Iterator<EObject> contents = resource.getAllContents(); contents.hasNext(); objects++) {
			EObject object = contents.next();
			assertEquals(resource.getURIFragment(object), fragments.get(object), () -> "fragment of " + object);
			assertSame(object, resource.getEObject(fragments.get(object)));
		}
		assertFalse(fragments.isEmpty());
		assertEquals(objects, fragments.size());
	}
}
