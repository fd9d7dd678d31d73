package org.allo.updatesite.tests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/** The installable units of a p2 metadata repository, read from its uncompressed content.xml. */
final class P2Repository {

	/** What a unit offers: a bundle, a package, an IU id, ... in a namespace. */
	record Capability(String namespace, String name, OsgiVersion version) {
	}

	/** One {@code <required>} entry: a capability in a version range, unless optional. */
	record Requirement(String namespace, String name, VersionRange range, boolean optional) {

		boolean isMetBy(Capability capability) {
			return capability.namespace().equals(namespace) && capability.name().equals(name) && range.includes(capability.version());
		}

		@Override
		public String toString() {
			return namespace + " " + name + " " + range;
		}
	}

	/**
	 * One unit; {@code otherRequirementNamespaces} lists the namespaces of requirements written as match
	 * expressions ({@code <requiredProperties>}), which this reader does not evaluate.
	 */
	record Unit(String id, OsgiVersion version, Map<String, String> properties, List<Capability> provides,
			List<Requirement> requires, List<String> otherRequirementNamespaces) {
	}

	private final List<Unit> units;

	private P2Repository(List<Unit> units) {
		this.units = units;
	}

	static P2Repository read(Path directory) throws IOException {
		Path content = directory.resolve("content.xml");
		if (!Files.isRegularFile(content)) {
			throw new IOException(content + " does not exist; build org.allo.updatesite first (./mvnw verify)");
		}
		try {
			Element root = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(content.toFile()).getDocumentElement();
			List<Unit> units = new ArrayList<>();
			for (Element unit : children(first(root, "units"), "unit")) {
				units.add(unit(unit));
			}
			return new P2Repository(units);
		} catch (ParserConfigurationException | SAXException e) {
			throw new IOException("cannot read " + content + ": " + e.getMessage(), e);
		}
	}

	List<Unit> units() {
		return units;
	}

	/** The same repository without the units whose id is {@code id}, to show what a missing unit breaks. */
	P2Repository without(String id) {
		return new P2Repository(units.stream().filter(unit -> !unit.id().equals(id)).toList());
	}

	private static Unit unit(Element unit) {
		Map<String, String> properties = new LinkedHashMap<>();
		for (Element property : children(first(unit, "properties"), "property")) {
			properties.put(property.getAttribute("name"), property.getAttribute("value"));
		}
		List<Capability> provides = new ArrayList<>();
		for (Element provided : children(first(unit, "provides"), "provided")) {
			provides.add(new Capability(provided.getAttribute("namespace"), provided.getAttribute("name"),
					OsgiVersion.parse(provided.getAttribute("version"))));
		}
		List<Requirement> requires = new ArrayList<>();
		List<String> otherNamespaces = new ArrayList<>();
		for (Element required : children(first(unit, "requires"), null)) {
			if (required.getTagName().equals("required") && required.hasAttribute("name")) {
				boolean optional = "true".equals(required.getAttribute("optional")) || "0".equals(required.getAttribute("min"));
				requires.add(new Requirement(required.getAttribute("namespace"), required.getAttribute("name"),
						VersionRange.parse(required.getAttribute("range")), optional));
			} else {
				otherNamespaces.add(required.getAttribute("namespace"));
			}
		}
		return new Unit(unit.getAttribute("id"), OsgiVersion.parse(unit.getAttribute("version")), properties, provides, requires,
				otherNamespaces);
	}

	private static Element first(Element parent, String tag) {
		List<Element> found = children(parent, tag);
		return found.isEmpty() ? null : found.get(0);
	}

	/** The child elements of {@code parent} named {@code tag} (any name when null); none when parent is null. */
	private static List<Element> children(Element parent, String tag) {
		List<Element> found = new ArrayList<>();
		if (parent == null) {
			return found;
		}
		NodeList nodes = parent.getChildNodes();
		for (int i = 0; i < nodes.getLength(); i++) {
			Node node = nodes.item(i);
			if (node instanceof Element element && (tag == null || element.getTagName().equals(tag))) {
				found.add(element);
			}
		}
		return found;
	}
}
