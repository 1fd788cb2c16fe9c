package io.github.idempotentmigrations.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.github.idempotentmigrations.engine.report.EnsuredObject;
import io.github.idempotentmigrations.engine.report.EnsuredObject.Type;
import io.github.idempotentmigrations.engine.sql.AlterAction;
import io.github.idempotentmigrations.engine.sql.ClassifiedStatement;
import io.github.idempotentmigrations.engine.sql.Flag;
import io.github.idempotentmigrations.engine.sql.ObjectName;
import io.github.idempotentmigrations.engine.sql.StatementClassifier;
import io.github.idempotentmigrations.engine.sql.TableElement;

/**
 * The objects a sequence of applied migration statements leaves behind, read from the statements alone: what a
 * live drift check should find even when this startup ran no migration. Only what the classifier recognises is
 * followed; callers keep just the objects present when they start watching, so a statement this cannot follow
 * (a {@code DO} block, say) can never make a present schema look drifted.
 */
public final class ExpectedObjects {

    private final String defaultSchema;

    private final Set<EnsuredObject> objects = new LinkedHashSet<>();

    private ExpectedObjects(String defaultSchema) {
        this.defaultSchema = defaultSchema;
    }

    public static List<EnsuredObject> of(List<String> statements, String defaultSchema) {
        ExpectedObjects expected = new ExpectedObjects(defaultSchema);
        statements.stream().map(StatementClassifier::classify).forEach(expected::apply);
        return new ArrayList<>(expected.objects);
    }

    private void apply(ClassifiedStatement s) {
        switch (s.kind()) {
            case CREATE_TABLE -> createTable(s);
            case CREATE_TABLE_AS -> add(Type.TABLE, s.target(), null);
            case ALTER_TABLE -> s.actions().forEach(action -> alter(qualify(s.target()), action));
            case CREATE_INDEX -> {
                if (s.target() != null) {
                    ObjectName table = qualify(s.table());
                    this.objects.add(new EnsuredObject(Type.INDEX, table.schema(), table.name(), s.target().name()));
                }
            }
            case CREATE_ENUM_TYPE -> {
                add(Type.TYPE, s.target(), null);
                StatementRewriter.enumLabels(s.sql()).forEach(label -> add(Type.ENUM_VALUE, label(s, label), s.target().name()));
            }
            case ALTER_TYPE_ADD_VALUE -> add(Type.ENUM_VALUE, label(s, s.newName()), s.target().name());
            case CREATE_COMPOSITE_TYPE, CREATE_DOMAIN, CREATE_OTHER_TYPE -> add(Type.TYPE, s.target(), null);
            case CREATE_SEQUENCE -> add(Type.SEQUENCE, s.target(), null);
            case CREATE_VIEW -> add(Type.VIEW, s.target(), null);
            case CREATE_MATERIALIZED_VIEW -> add(Type.MATERIALIZED_VIEW, s.target(), null);
            case CREATE_FUNCTION, CREATE_PROCEDURE -> add(Type.FUNCTION, s.target(), null);
            case CREATE_TRIGGER -> addOnTable(Type.TRIGGER, s);
            case CREATE_POLICY -> addOnTable(Type.POLICY, s);
            case CREATE_SCHEMA -> this.objects.add(new EnsuredObject(Type.SCHEMA, null, null, s.target().name()));
            case CREATE_EXTENSION -> this.objects.add(new EnsuredObject(Type.EXTENSION, null, null, s.target().name()));
            case RENAME_INDEX, RENAME_OTHER, DROP -> forgetTargets(s);
            default -> {
            }
        }
    }

    private void createTable(ClassifiedStatement s) {
        if (s.has(Flag.TEMPORARY)) {
            return;
        }
        ObjectName table = qualify(s.target());
        add(Type.TABLE, table, null);
        s.elements().stream()
            .filter(e -> e.type() == TableElement.Type.COLUMN)
            .forEach(e -> this.objects.add(new EnsuredObject(Type.COLUMN, table.schema(), table.name(), e.name())));
    }

    private void alter(ObjectName table, AlterAction action) {
        switch (action.kind()) {
            case ADD_COLUMN -> member(Type.COLUMN, table, action.name());
            case DROP_COLUMN -> forgetMember(Type.COLUMN, table, action.name());
            case RENAME_COLUMN -> {
                forgetMember(Type.COLUMN, table, action.name());
                member(Type.COLUMN, table, action.newName());
            }
            case ADD_CONSTRAINT -> {
                if (action.name() != null) {
                    member(Type.CONSTRAINT, table, action.name());
                }
            }
            case DROP_CONSTRAINT -> forgetMember(Type.CONSTRAINT, table, action.name());
            case RENAME_CONSTRAINT -> {
                forgetMember(Type.CONSTRAINT, table, action.name());
                member(Type.CONSTRAINT, table, action.newName());
            }
            case RENAME_TABLE -> renameTable(table, action.newName());
            default -> {
            }
        }
    }

    private void renameTable(ObjectName table, String newName) {
        List<EnsuredObject> moved = this.objects.stream()
            .filter(o -> table.schema().equals(o.schema()) && (isTable(o, table.name()) || isMemberOf(o, table.name())))
            .toList();
        this.objects.removeAll(moved);
        moved.forEach(o -> this.objects.add(new EnsuredObject(o.type(), o.schema(),
                (o.type() == Type.TABLE) ? null : newName, (o.type() == Type.TABLE) ? newName : o.name())));
    }

    /** A rename or drop makes the old name unknown: forget it (and, for a table, what belongs to it). */
    private void forgetTargets(ClassifiedStatement s) {
        List<ObjectName> names = s.targets().isEmpty() ? (s.target() == null ? List.of() : List.of(s.target()))
                : s.targets();
        for (ObjectName name : names) {
            ObjectName qualified = qualify(name);
            this.objects.removeIf(o -> qualified.name().equals(o.name()) && (o.schema() == null
                    || qualified.schema().equals(o.schema())) && o.type() != Type.COLUMN && o.type() != Type.ENUM_VALUE);
            this.objects.removeIf(o -> isMemberOf(o, qualified.name()) && qualified.schema().equals(o.schema()));
        }
    }

    private static boolean isTable(EnsuredObject o, String table) {
        return o.type() == Type.TABLE && table.equals(o.name());
    }

    private static boolean isMemberOf(EnsuredObject o, String owner) {
        return o.type() != Type.TABLE && owner.equals(o.table());
    }

    private void add(Type type, ObjectName name, String table) {
        ObjectName qualified = qualify(name);
        this.objects.add(new EnsuredObject(type, qualified.schema(), table, qualified.name()));
    }

    private void addOnTable(Type type, ClassifiedStatement s) {
        member(type, qualify(s.table()), s.target().name());
    }

    private void member(Type type, ObjectName table, String name) {
        this.objects.add(new EnsuredObject(type, table.schema(), table.name(), name));
    }

    private void forgetMember(Type type, ObjectName table, String name) {
        this.objects.remove(new EnsuredObject(type, table.schema(), table.name(), name));
    }

    private ObjectName label(ClassifiedStatement s, String label) {
        return new ObjectName(qualify(s.target()).schema(), label);
    }

    private ObjectName qualify(ObjectName name) {
        return name.inSchema(this.defaultSchema);
    }
}
