package com.nbaprops.pcf.local.infra;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Terraform configuration as HashiCorp's HCL parser reads it (npm {@code @cdktf/hcl2json},
 * through {@code tools/hcl/parse.js}): interpolations stay as {@code "${...}"} strings, blocks
 * become arrays.
 */
final class Terraform {
  private final Map<String, JsonObject> files;

  private Terraform(Map<String, JsonObject> files) {
    this.files = files;
  }

  /** The repository root: the nearest folder up from the one Maven runs the tests in. */
  static Path repositoryRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("terraform"))) {
        return dir;
      }
    }
    throw new IllegalStateException("no terraform/ folder above " + Path.of("").toAbsolutePath());
  }

  /**
   * Parses every {@code .tf} file of {@code dir}.
   *
   * @throws IllegalStateException with the parser's message (file:line,column) when a file does not
   *     parse
   */
  static Terraform parse(Path dir) throws IOException, InterruptedException {
    Path parser = repositoryRoot().resolve("tools/hcl/parse.js");
    Process process =
        new ProcessBuilder("node", parser.toString(), dir.toString())
            .redirectError(ProcessBuilder.Redirect.PIPE)
            .start();
    byte[] out = process.getInputStream().readAllBytes();
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IllegalStateException("the HCL parser rejected " + dir + ": " + err.strip());
    }
    JsonObject all =
        JsonParser.parseString(new String(out, StandardCharsets.UTF_8)).getAsJsonObject();
    Map<String, JsonObject> files = new LinkedHashMap<>();
    all.entrySet().forEach(entry -> files.put(entry.getKey(), entry.getValue().getAsJsonObject()));
    return new Terraform(files);
  }

  /** Each file's parsed body, by file name (a .tfvars file: its assignments). */
  Map<String, JsonObject> files() {
    return files;
  }

  /** The value of {@code local.<name>} (wherever it is defined). */
  JsonElement local(String name) {
    for (JsonObject file : files.values()) {
      if (file.has("locals")) {
        for (JsonElement block : file.getAsJsonArray("locals")) {
          if (block.getAsJsonObject().has(name)) {
            return block.getAsJsonObject().get(name);
          }
        }
      }
    }
    throw new AssertionError("no local." + name + " in the Terraform files");
  }

  /**
   * A placeholder for what only exists at apply time (a resource attribute) or has no default (a
   * variable).
   */
  static final String UNKNOWN = "example-value";

  private static final Pattern INTERPOLATION = Pattern.compile("\\$\\{([^}]*)}");
  private static final Pattern VARIABLE =
      Pattern.compile("(?:tostring\\()?var\\.([a-z0-9_]+)((?:\\.[a-z0-9_]+)*)\\)?");

  /**
   * {@code value} with its interpolations replaced, as a plan with the variables' defaults would
   * see it: {@code var.x} and {@code var.x.y} (also inside {@code tostring()}) by their default,
   * anything else by {@link #UNKNOWN}.
   */
  JsonElement resolve(JsonElement value) {
    if (value.isJsonObject()) {
      JsonObject resolved = new JsonObject();
      value
          .getAsJsonObject()
          .entrySet()
          .forEach(entry -> resolved.add(entry.getKey(), resolve(entry.getValue())));
      return resolved;
    }
    if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
      return value;
    }
    String text = value.getAsString();
    Matcher whole = INTERPOLATION.matcher(text);
    if (whole.matches()) {
      return expression(whole.group(1));
    }
    StringBuilder out = new StringBuilder();
    Matcher part = INTERPOLATION.matcher(text);
    while (part.find()) {
      JsonElement resolved = expression(part.group(1));
      part.appendReplacement(out, Matcher.quoteReplacement(resolved.getAsString()));
    }
    part.appendTail(out);
    return new JsonPrimitive(out.toString());
  }

  private JsonElement expression(String expression) {
    Matcher variable = VARIABLE.matcher(expression.strip());
    if (!variable.matches()) {
      return new JsonPrimitive(UNKNOWN);
    }
    JsonElement value = variableDefault(variable.group(1));
    for (String field : variable.group(2).split("\\.", -1)) {
      if (!field.isEmpty() && value != null && value.isJsonObject()) {
        value = value.getAsJsonObject().get(field);
      }
    }
    if (value == null) {
      return new JsonPrimitive(UNKNOWN);
    }
    return expression.startsWith("tostring(") ? new JsonPrimitive(value.getAsString()) : value;
  }

  private JsonElement variableDefault(String name) {
    for (JsonObject file : files.values()) {
      if (file.has("variable") && file.getAsJsonObject("variable").has(name)) {
        JsonObject variable =
            file.getAsJsonObject("variable").getAsJsonArray(name).get(0).getAsJsonObject();
        return variable.get("default");
      }
    }
    throw new AssertionError("no variable " + name);
  }

  /** Every resource block of {@code type}, by resource name. */
  Map<String, JsonObject> resources(String type) {
    Map<String, JsonObject> found = new LinkedHashMap<>();
    for (JsonObject file : files.values()) {
      if (file.has("resource") && file.getAsJsonObject("resource").has(type)) {
        file.getAsJsonObject("resource")
            .getAsJsonObject(type)
            .entrySet()
            .forEach(
                entry ->
                    found.put(
                        entry.getKey(),
                        entry.getValue().getAsJsonArray().get(0).getAsJsonObject()));
      }
    }
    return found;
  }

  /** One resource block: {@code resource "type" "name" { body }}. */
  record Resource(String type, String name, JsonObject body) {
    @Override
    public String toString() {
      return type + "." + name;
    }
  }

  /** Every type this configuration declares a resource or a data source of. */
  Set<String> declaredTypes() {
    Set<String> types = new TreeSet<>();
    for (JsonObject file : files.values()) {
      for (String kind : List.of("resource", "data")) {
        if (file.has(kind)) {
          types.addAll(file.getAsJsonObject(kind).keySet());
        }
      }
    }
    return types;
  }

  /** Every resource block of every type. */
  List<Resource> allResources() {
    List<Resource> all = new ArrayList<>();
    for (JsonObject file : files.values()) {
      if (file.has("resource")) {
        for (var type : file.getAsJsonObject("resource").entrySet()) {
          for (var resource : type.getValue().getAsJsonObject().entrySet()) {
            all.add(
                new Resource(
                    type.getKey(),
                    resource.getKey(),
                    resource.getValue().getAsJsonArray().get(0).getAsJsonObject()));
          }
        }
      }
    }
    return all;
  }
}
