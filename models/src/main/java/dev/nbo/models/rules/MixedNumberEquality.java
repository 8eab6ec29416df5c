package dev.nbo.models.rules;

import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.Operator;
import dev.cel.common.types.SimpleType;
import dev.cel.runtime.CelFunctionBinding;
import java.util.List;

/**
 * {@code ==} and {@code !=} between an int and a double, compared by value. CEL's heterogeneous numeric comparisons
 * cover {@code <}, {@code <=}, {@code >}, {@code >=} only; without these overloads {@code spend_365d == 0} would be a
 * type error, and marketers cannot be expected to write {@code 0.0}.
 */
final class MixedNumberEquality {
    private MixedNumberEquality() {
    }

    static List<CelFunctionDecl> declarations() {
        return List.of(declaration(Operator.EQUALS, "equals"), declaration(Operator.NOT_EQUALS, "not_equals"));
    }

    static List<CelFunctionBinding> bindings() {
        return List.of(
                CelFunctionBinding.from("nbo_equals_double_int", Double.class, Long.class,
                        (d, l) -> sameNumber(d, l)),
                CelFunctionBinding.from("nbo_equals_int_double", Long.class, Double.class,
                        (l, d) -> sameNumber(d, l)),
                CelFunctionBinding.from("nbo_not_equals_double_int", Double.class, Long.class,
                        (d, l) -> !sameNumber(d, l)),
                CelFunctionBinding.from("nbo_not_equals_int_double", Long.class, Double.class,
                        (l, d) -> !sameNumber(d, l)));
    }

    /** Exact: {@code (double) l} alone would round longs above 2^53 and call different numbers equal. */
    static boolean sameNumber(double d, long l) {
        return d == Math.rint(d) && d >= -0x1p63 && d < 0x1p63 && (long) d == l;
    }

    private static CelFunctionDecl declaration(Operator operator, String id) {
        return CelFunctionDecl.newFunctionDeclaration(operator.getFunction(),
                CelOverloadDecl.newGlobalOverload("nbo_" + id + "_double_int", SimpleType.BOOL, SimpleType.DOUBLE,
                        SimpleType.INT),
                CelOverloadDecl.newGlobalOverload("nbo_" + id + "_int_double", SimpleType.BOOL, SimpleType.INT,
                        SimpleType.DOUBLE));
    }
}
