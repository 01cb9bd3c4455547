package jp.smb.incident.procedure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.AstString;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.TreeBuilderException;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.NodeList;

/**
 * Reads every diagram (BPMN, DMN) and form of the procedures and says what in them names something that is not
 * there: a bean or a bean's method in an expression, a process variable that nothing sets (no form, no API, no
 * delegate, no other step of a diagram), a called process, decision or form. What the engine would find only when a
 * person reaches that step at run time.
 */
final class DiagramContract {

  /** One thing a diagram names that is not there. */
  record Problem(String file, String element, String expression, String message) {
    @Override
    public String toString() {
      return "%s %s: %s (%s)".formatted(file, element, message, expression);
    }
  }

  /** Names the engine itself provides inside expressions. */
  static final Set<String> ENGINE_NAMES = Set.of("execution", "task", "loopCounter", "nrOfInstances",
      "nrOfActiveInstances", "nrOfCompletedInstances", "decisionResult", "authenticatedUserId");

  private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
  private static final Pattern FEEL_NAME = Pattern.compile("\"[^\"]*\"|\\b([a-z][A-Za-z0-9]*)\\b");
  private static final Set<String> FEEL_WORDS = Set.of("true", "false", "null", "and", "or", "not", "if", "then",
      "else", "in", "between", "some", "every", "satisfies", "instance", "of", "for", "return");

  private final Function<String, Optional<Class<?>>> beans;
  private final Set<String> declared;
  private final Builder juel = new Builder(Builder.Feature.METHOD_INVOCATIONS);
  private final ObjectMapper json = new ObjectMapper();

  private final Set<String> defined = new HashSet<>();
  private final Set<String> processes = new HashSet<>();
  private final Set<String> decisions = new HashSet<>();
  private final Set<String> forms = new HashSet<>();
  private final List<Problem> problems = new ArrayList<>();

  /**
   * @param beans the application's beans by name, with their class
   * @param declared the process variables the application's code declares it sets
   */
  DiagramContract(Function<String, Optional<Class<?>>> beans, Set<String> declared) {
    this.beans = beans;
    this.declared = declared;
  }

  /** Every problem in the diagrams of {@code processes} and the forms of {@code forms}; none when all is there. */
  List<Problem> check(Path processesDir, Path formsDir) {
    Map<Path, Document> diagrams = new HashMap<>();
    for (Path file : files(processesDir, ".bpmn", ".dmn")) {
      diagrams.put(file, parse(file));
    }
    for (Path file : files(formsDir, ".form")) {
      JsonNode form = read(file);
      forms.add(form.path("id").asText());
      form.findValues("key").forEach(key -> defined.add(key.asText()));
    }
    diagrams.forEach((file, document) -> collectDefinitions(document.getDocumentElement()));
    diagrams.forEach((file, document) -> checkElement(file.getFileName().toString(), document.getDocumentElement(),
        file.getFileName().toString()));
    return List.copyOf(problems);
  }

  /** The variables a diagram or form sets, which the code need not declare. */
  Set<String> definedByModels() {
    return new TreeSet<>(defined);
  }

  private void collectDefinitions(Element element) {
    String local = element.getLocalName();
    switch (local) {
      case "process" -> processes.add(element.getAttribute("id"));
      case "decision" -> decisions.add(element.getAttribute("id"));
      case "output" -> defined.add(element.getAttribute("name"));
      case "inputParameter", "outputParameter" -> defined.add(element.getAttribute("name"));
      case "in", "out" -> {
        if (CAMUNDA.equals(element.getNamespaceURI()) && element.hasAttribute("target")) {
          defined.add(element.getAttribute("target"));
        }
      }
      default -> {
      }
    }
    for (String attribute : List.of("elementVariable", "resultVariable", "initiator")) {
      if (element.hasAttributeNS(CAMUNDA, attribute)) {
        defined.add(element.getAttributeNS(CAMUNDA, attribute));
      }
    }
    children(element).forEach(this::collectDefinitions);
  }

  private void checkElement(String file, Element element, String owner) {
    String id = element.hasAttribute("id") ? element.getAttribute("id") : owner;
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      checkAttribute(file, id, element, (Attr) attributes.item(i));
    }
    List<Element> children = children(element);
    if (children.isEmpty()) {
      String text = element.getTextContent().trim();
      if ("text".equals(element.getLocalName()) && "inputExpression".equals(parentName(element))) {
        checkFeel(file, id, text);
      } else if (text.contains("${") || text.contains("#{")) {
        checkExpression(file, id, text);
      }
    }
    children.forEach(child -> checkElement(file, child, id));
  }

  private void checkAttribute(String file, String id, Element element, Attr attribute) {
    String name = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
    String value = attribute.getValue();
    boolean camundaMapping = CAMUNDA.equals(element.getNamespaceURI())
        && ("in".equals(element.getLocalName()) || "out".equals(element.getLocalName()));
    if (value.contains("${") || value.contains("#{")) {
      checkExpression(file, id, value);
    } else if ("collection".equals(name) || (camundaMapping && "source".equals(name))) {
      variable(file, id, value, value);
    } else if ("calledElement".equals(name) && !processes.contains(value)) {
      problems.add(new Problem(file, id, value, "calls process " + value + ", which no diagram defines"));
    } else if ("decisionRef".equals(name) && !decisions.contains(value)) {
      problems.add(new Problem(file, id, value, "decides by " + value + ", which no decision table defines"));
    } else if ("formRef".equals(name) && !forms.contains(value)) {
      problems.add(new Problem(file, id, value, "shows form " + value + ", which is not in forms/"));
    }
  }

  private void checkExpression(String file, String id, String expression) {
    try {
      walk(file, id, expression, juel.build(expression).getRoot());
    } catch (TreeBuilderException e) {
      problems.add(new Problem(file, id, expression, "is not an expression the engine can read: " + e.getMessage()));
    }
  }

  private void walk(String file, String id, String expression, Node node) {
    if (node instanceof AstMethod method) {
      AstDot dot = (AstDot) method.getChild(0);
      Node parameters = method.getChild(1);
      String member = member(dot);
      if (dot.getChild(0) instanceof AstIdentifier target) {
        Optional<Class<?>> bean = beans.apply(target.getName());
        if (bean.isPresent()) {
          if (!hasMethod(bean.get(), member, parameters.getCardinality())) {
            problems.add(new Problem(file, id, expression, "bean %s has no method %s with %d argument(s)"
                .formatted(target.getName(), member, parameters.getCardinality())));
          }
        } else if (ENGINE_NAMES.contains(target.getName())) {
          if (member.startsWith("getVariable") && parameters.getCardinality() > 0
              && parameters.getChild(0) instanceof AstString name) {
            variable(file, id, expression, (String) name.eval(null, null));
          }
        } else {
          variable(file, id, expression, target.getName());
        }
      } else {
        walk(file, id, expression, dot.getChild(0));
      }
      for (int i = 0; i < parameters.getCardinality(); i++) {
        walk(file, id, expression, parameters.getChild(i));
      }
    } else if (node instanceof AstDot dot && dot.getChild(0) instanceof AstIdentifier target) {
      Optional<Class<?>> bean = beans.apply(target.getName());
      if (bean.isPresent() && !hasProperty(bean.get(), member(dot))) {
        problems.add(new Problem(file, id, expression, "bean %s has no property %s".formatted(target.getName(),
            member(dot))));
      } else if (bean.isEmpty() && !ENGINE_NAMES.contains(target.getName())) {
        variable(file, id, expression, target.getName());
      }
    } else if (node instanceof AstIdentifier identifier) {
      if (beans.apply(identifier.getName()).isEmpty() && !ENGINE_NAMES.contains(identifier.getName())) {
        variable(file, id, expression, identifier.getName());
      }
    } else {
      for (int i = 0; i < node.getCardinality(); i++) {
        walk(file, id, expression, node.getChild(i));
      }
    }
  }

  private void checkFeel(String file, String id, String text) {
    Matcher names = FEEL_NAME.matcher(text);
    while (names.find()) {
      if (names.group(1) != null && !FEEL_WORDS.contains(names.group(1))) {
        variable(file, id, text, names.group(1));
      }
    }
  }

  private void variable(String file, String id, String expression, String name) {
    if (!defined.contains(name) && !declared.contains(name)) {
      problems.add(new Problem(file, id, expression, "reads variable " + name
          + ", which no form, diagram or declared variable of the code sets"));
    }
  }

  private static String member(AstDot dot) {
    // ". name", as the parser writes a property.
    return dot.toString().substring(2);
  }

  private static boolean hasMethod(Class<?> type, String name, int arguments) {
    return Arrays.stream(type.getMethods()).anyMatch(method -> method.getName().equals(name)
        && (method.getParameterCount() == arguments || method.isVarArgs()));
  }

  private static boolean hasProperty(Class<?> type, String name) {
    String capitalised = Character.toUpperCase(name.charAt(0)) + name.substring(1);
    return Arrays.stream(type.getMethods()).map(Method::getName).filter(method -> method.equals("get" + capitalised)
        || method.equals("is" + capitalised) || method.equals(name)).findAny().isPresent();
  }

  private static String parentName(Element element) {
    return element.getParentNode() instanceof Element parent ? parent.getLocalName() : "";
  }

  private static List<Element> children(Element element) {
    List<Element> children = new ArrayList<>();
    NodeList nodes = element.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      if (nodes.item(i) instanceof Element child) {
        children.add(child);
      }
    }
    return children;
  }

  private static List<Path> files(Path dir, String... endings) {
    try (Stream<Path> listed = Files.list(dir)) {
      return listed.filter(file -> Arrays.stream(endings).anyMatch(file.toString()::endsWith)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Document parse(Path file) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      return factory.newDocumentBuilder().parse(file.toFile());
    } catch (Exception e) {
      throw new IllegalStateException("cannot read " + file, e);
    }
  }

  private JsonNode read(Path file) {
    try {
      return json.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
