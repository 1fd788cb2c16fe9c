package io.github.idempotentmigrations.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

import io.github.idempotentmigrations.engine.sql.AlterAction;
import io.github.idempotentmigrations.engine.sql.ClassifiedStatement;
import io.github.idempotentmigrations.engine.sql.ObjectName;
import io.github.idempotentmigrations.engine.sql.StatementClassifier;
import io.github.idempotentmigrations.engine.sql.StatementKind;

/**
 * The statements still to come in this run. A database whose history was lost is usually ahead of the migration
 * being replayed: a column it lacks may have been renamed or dropped by a later migration. The guards ask here
 * before creating something that a later statement would rename away, or calling a difference a conflict when a
 * later statement changes that object anyway.
 */
final class Lookahead {

    private final List<ClassifiedStatement> statements = new ArrayList<>();

    private final List<String> normalizedSql = new ArrayList<>();

    /** Positions of the statements naming an object, by the object's unqualified name: queries stay O(matches). */
    private final Map<String, List<Integer>> positionsByName = new HashMap<>();

    private int cursor;

    Lookahead(List<String> upcoming) {
        for (String sql : upcoming) {
            ClassifiedStatement statement = StatementClassifier.classify(sql);
            int position = this.statements.size();
            this.statements.add(statement);
            this.normalizedSql.add(normalize(sql));
            Stream.concat(Stream.ofNullable(statement.target()), statement.targets().stream())
                .map(ObjectName::name)
                .distinct()
                .forEach(name -> this.positionsByName.computeIfAbsent(name, n -> new ArrayList<>()).add(position));
        }
    }

    /**
     * Moves past the statement being executed, when it is found among the upcoming ones.
     * @return its classification from the look-ahead, so it need not be classified twice
     */
    Optional<ClassifiedStatement> advancePast(String sql) {
        String normalized = normalize(sql);
        for (int i = this.cursor; i < this.normalizedSql.size(); i++) {
            if (this.normalizedSql.get(i).equals(normalized)) {
                this.cursor = i + 1;
                return Optional.of(this.statements.get(i));
            }
        }
        return Optional.empty();
    }

    /** The name a table will have after later renames, when some later statement renames it. */
    Optional<ObjectName> tableRenamedLater(ObjectName table, String defaultSchema) {
        return followRenames(table, defaultSchema, later -> (later.kind() != StatementKind.ALTER_TABLE)
                ? Optional.empty()
                : later.actions().stream()
                    .filter(action -> action.kind() == AlterAction.Kind.RENAME_TABLE)
                    .map(AlterAction::newName)
                    .reduce((first, last) -> last));
    }

    /** The name a column will have after later renames, when some later statement renames it. */
    Optional<String> columnRenamedLater(ObjectName table, String column, String defaultSchema) {
        return renamedLater(table, column, AlterAction.Kind.RENAME_COLUMN, defaultSchema);
    }

    Optional<String> constraintRenamedLater(ObjectName table, String constraint, String defaultSchema) {
        return renamedLater(table, constraint, AlterAction.Kind.RENAME_CONSTRAINT, defaultSchema);
    }

    /** Whether a later statement alters, drops or renames this column. */
    boolean columnChangedLater(ObjectName table, String column, String defaultSchema) {
        return anyLaterAction(table, defaultSchema, a -> column.equals(a.name()) && switch (a.kind()) {
            case ADD_COLUMN, ADD_CONSTRAINT, DROP_CONSTRAINT, RENAME_CONSTRAINT, RENAME_TABLE, ATTACH_PARTITION,
                    OTHER -> false;
            default -> true;
        });
    }

    /** Whether a later statement drops or renames this constraint. */
    boolean constraintChangedLater(ObjectName table, String constraint, String defaultSchema) {
        return anyLaterAction(table, defaultSchema, a -> constraint.equals(a.name())
                && (a.kind() == AlterAction.Kind.DROP_CONSTRAINT || a.kind() == AlterAction.Kind.RENAME_CONSTRAINT));
    }

    /** Whether a later statement renames or drops any column of this table. */
    boolean columnsRenamedLater(ObjectName table, String defaultSchema) {
        return anyLaterAction(table, defaultSchema, a -> a.kind() == AlterAction.Kind.RENAME_COLUMN
                || a.kind() == AlterAction.Kind.DROP_COLUMN);
    }

    /** Whether a later statement drops the column. */
    boolean columnDroppedLater(ObjectName table, String column, String defaultSchema) {
        return anyLaterAction(table, defaultSchema,
                a -> column.equals(a.name()) && a.kind() == AlterAction.Kind.DROP_COLUMN);
    }

    /**
     * The name a schema-level object (index, view, type, sequence, function...) will have after a later
     * {@code RENAME}, when some later statement renames it.
     */
    Optional<ObjectName> objectRenamedLater(ObjectName object, String defaultSchema) {
        return followRenames(object, defaultSchema, later -> (later.kind() == StatementKind.RENAME_INDEX
                || later.kind() == StatementKind.RENAME_OTHER) ? Optional.of(later.newName()) : Optional.empty());
    }

    /** Follows an object through the later statements that name it, taking each new name a statement gives it. */
    private Optional<ObjectName> followRenames(ObjectName object, String defaultSchema,
            Function<ClassifiedStatement, Optional<String>> newNameIn) {
        ObjectName current = object.inSchema(defaultSchema);
        boolean renamed = false;
        int from = this.cursor;
        for (int position = next(current, from); position >= 0; position = next(current, from)) {
            ClassifiedStatement later = this.statements.get(position);
            from = position + 1;
            Optional<String> newName = same(later.target(), current, defaultSchema) ? newNameIn.apply(later)
                    : Optional.empty();
            if (newName.isPresent()) {
                current = new ObjectName(current.schema(), newName.get());
                renamed = true;
            }
        }
        return renamed ? Optional.of(current) : Optional.empty();
    }

    /** Whether a later statement of one of these kinds names the object: it will be redefined or dropped. */
    boolean redefinedLater(ObjectName object, String defaultSchema, StatementKind... kinds) {
        List<StatementKind> wanted = List.of(kinds);
        return later(object).stream()
            .anyMatch(s -> (wanted.contains(s.kind()) && same(s.target(), object, defaultSchema))
                    || (s.kind() == StatementKind.DROP
                            && s.targets().stream().anyMatch(t -> same(t, object, defaultSchema))));
    }

    /** Enum labels later statements add to this type. */
    List<String> enumValuesAddedLater(ObjectName type, String defaultSchema) {
        return later(type).stream()
            .filter(s -> s.kind() == StatementKind.ALTER_TYPE_ADD_VALUE && same(s.target(), type, defaultSchema))
            .map(ClassifiedStatement::newName)
            .toList();
    }

    private Optional<String> renamedLater(ObjectName table, String name, AlterAction.Kind kind,
            String defaultSchema) {
        String current = name;
        boolean renamed = false;
        for (ClassifiedStatement later : later(table)) {
            if (later.kind() == StatementKind.ALTER_TABLE && same(later.target(), table, defaultSchema)) {
                for (AlterAction action : later.actions()) {
                    if (action.kind() == kind && current.equals(action.name())) {
                        current = action.newName();
                        renamed = true;
                    }
                }
            }
        }
        return renamed ? Optional.of(current) : Optional.empty();
    }

    private boolean anyLaterAction(ObjectName table, String defaultSchema, Predicate<AlterAction> test) {
        return later(table).stream()
            .filter(s -> s.kind() == StatementKind.ALTER_TABLE && same(s.target(), table, defaultSchema))
            .flatMap(s -> s.actions().stream())
            .anyMatch(test);
    }

    /** Statements still to come that name an object of this (unqualified) name, in order. */
    private List<ClassifiedStatement> later(ObjectName name) {
        return this.positionsByName.getOrDefault(name.name(), List.of())
            .stream()
            .filter(position -> position >= this.cursor)
            .map(this.statements::get)
            .toList();
    }

    /** The first position at or after {@code from} of a statement naming this object, or -1. */
    private int next(ObjectName name, int from) {
        for (int position : this.positionsByName.getOrDefault(name.name(), List.of())) {
            if (position >= from) {
                return position;
            }
        }
        return -1;
    }

    private static boolean same(ObjectName a, ObjectName b, String defaultSchema) {
        return a != null && b != null && a.inSchema(defaultSchema).equals(b.inSchema(defaultSchema));
    }

    private static String normalize(String sql) {
        String trimmed = sql.strip();
        if (trimmed.endsWith(";")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed.replaceAll("\\s+", " ");
    }
}
