package org.allo.lang.validation;

/**
 * Stable diagnostic codes, printed in brackets by {@code allo check} and documented in
 * docs/DIAGNOSTICS.md. A code never changes meaning once released.
 */
public final class IssueCodes {

	private IssueCodes() {
	}

	private static final String PREFIX = "allo.";

	// syntax
	public static final String SYNTAX = PREFIX + "syntax";
	public static final String SYNTAX_UNEXPECTED_INDENT = PREFIX + "syntax.unexpected-indent";
	public static final String SYNTAX_EXPECTED_INDENT = PREFIX + "syntax.expected-indent";
	public static final String SYNTAX_LAYOUT = PREFIX + "syntax.layout";
	public static final String SYNTAX_KEYWORD_AS_NAME = PREFIX + "syntax.keyword-as-name";
	public static final String SYNTAX_UNTERMINATED = PREFIX + "syntax.unterminated";
	public static final String SYNTAX_NESTING = PREFIX + "syntax.nesting-too-deep";
	public static final String SYNTAX_INVALID_CHARACTER = PREFIX + "syntax.invalid-character";

	// linking
	public static final String UNKNOWN_NAME = PREFIX + "link.unknown-name";
	public static final String USED_BEFORE_DECLARATION = PREFIX + "link.used-before-declaration";
	public static final String UNKNOWN_MEMBER = PREFIX + "link.unknown-member";
	public static final String UNKNOWN_MODULE = PREFIX + "link.unknown-module";
	public static final String UNKNOWN_IMPORT = PREFIX + "link.unknown-import";

	// structure
	public static final String UNSUPPORTED_STATEMENT = PREFIX + "unsupported-statement";
	public static final String CLASS_OUTSIDE_LIBRARY = PREFIX + "class-outside-library";
	public static final String MISSING_ANNOTATION = PREFIX + "missing-annotation";
	public static final String DUPLICATE_KERNEL = PREFIX + "duplicate-kernel";
	public static final String MIXED_BRACES = PREFIX + "mixed-set-dict";

	// schedules
	public static final String UNKNOWN_LOOP = PREFIX + "schedule.unknown-loop";
	public static final String AMBIGUOUS_LOOP = PREFIX + "schedule.ambiguous-loop";
	public static final String STALE_LOOP = PREFIX + "schedule.stale-loop";
	public static final String UNKNOWN_TENSOR = PREFIX + "schedule.unknown-tensor";
	public static final String UNKNOWN_KERNEL = PREFIX + "link.unknown-kernel";
	public static final String UNKNOWN_BAND = PREFIX + "schedule.unknown-band";

	// schedule passes (legality checks before a step rewrites the IR)
	public static final String SCHEDULE_ARGUMENT = PREFIX + "schedule.argument";
	public static final String SCHEDULE_UNSUPPORTED = PREFIX + "schedule.unsupported";
	public static final String SCHEDULE_FACTOR = PREFIX + "schedule.factor";

	// memory schedule passes (partition, reshape, buffer_at, reuse_at, compute_at, unfold, to, compose)
	public static final String SCHEDULE_RESHAPE = PREFIX + "schedule.reshape";
	public static final String SCHEDULE_BUFFER_AT = PREFIX + "schedule.buffer-at";
	public static final String SCHEDULE_REUSE_AT = PREFIX + "schedule.reuse-at";
	public static final String SCHEDULE_COMPUTE_AT = PREFIX + "schedule.compute-at";
	public static final String SCHEDULE_UNFOLD = PREFIX + "schedule.unfold";
	public static final String SCHEDULE_STREAM = PREFIX + "schedule.stream";
	public static final String SCHEDULE_COMPOSE = PREFIX + "schedule.compose";

	// loop passes (split, reorder, fuse, parallel)
	public static final String SCHEDULE_DEPENDENCE = PREFIX + "schedule.dependence";
	public static final String SCHEDULE_NEST = PREFIX + "schedule.nest";
	public static final String SCHEDULE_BOUNDS = PREFIX + "schedule.bounds";

	// layout types (partition)
	public static final String LAYOUT_MISMATCH = PREFIX + "layout.mismatch";
	public static final String LAYOUT_INVALID_FACTOR = PREFIX + "layout.invalid-factor";
	public static final String LAYOUT_INVALID_DIM = PREFIX + "layout.invalid-dim";
	public static final String LAYOUT_DUPLICATE_DIM = PREFIX + "layout.duplicate-dim";
	public static final String LAYOUT_MIXED_DIMS = PREFIX + "layout.mixed-dims";
	public static final String LAYOUT_PARTITION_STREAM = PREFIX + "layout.partition-stream";
	public static final String LAYOUT_PARTITION_MAXI = PREFIX + "layout.partition-maxi";

	// banking (unroll against banks and ports)
	public static final String BANKING_UNROLL_EXCEEDS_BANKS = PREFIX + "banking.unroll-exceeds-banks";
	public static final String BANKING_PORT_CONFLICT = PREFIX + "banking.port-conflict";

	// scalar and tensor types
	public static final String NOT_A_TYPE = PREFIX + "type.not-a-type";
	public static final String INVALID_WIDTH = PREFIX + "type.invalid-width";
	public static final String SHAPE_NOT_CONSTANT = PREFIX + "type.shape-not-constant";
	public static final String INVALID_SHAPE = PREFIX + "type.invalid-shape";
	public static final String OPERAND_TYPE = PREFIX + "type.operand";
	public static final String INDEX_RANK = PREFIX + "type.index-rank";
	public static final String INDEX_TYPE = PREFIX + "type.index-type";
	public static final String INDEX_BOUNDS = PREFIX + "type.index-bounds";
	public static final String NOT_INDEXABLE = PREFIX + "type.not-indexable";
	public static final String BIT_RANGE = PREFIX + "type.bit-range";
	public static final String TRANSPOSE = PREFIX + "type.transpose";
	public static final String BITCAST = PREFIX + "type.bitcast";
	public static final String CAST = PREFIX + "type.cast";
	public static final String TYPE_MISMATCH = PREFIX + "type.mismatch";
	public static final String SHAPE_MISMATCH = PREFIX + "type.shape-mismatch";
	/** Warning; its issue data is the cast to insert (e.g. {@code int32}), for the quick fix. */
	public static final String LOSSY_CONVERSION = PREFIX + "type.lossy-conversion";
	public static final String ASSIGN_TO_CONSTANT = PREFIX + "type.assign-to-constant";
	public static final String MISSING_RETURN = PREFIX + "type.missing-return";
	public static final String UNEXPECTED_RETURN = PREFIX + "type.unexpected-return";
	public static final String CONSTEXPR_UNINITIALIZED = PREFIX + "type.constexpr-uninitialized";
	public static final String RANGE_ARGUMENTS = PREFIX + "type.range-arguments";
	public static final String RANGE_STEP = PREFIX + "type.range-step";
	public static final String LOOP_BOUND = PREFIX + "type.loop-bound";
	public static final String LOOP_VARIABLES = PREFIX + "type.loop-variables";
	public static final String LOOP_REDECLARED = PREFIX + "type.loop-redeclared";
	public static final String META_CONDITION = PREFIX + "type.meta-condition";
	public static final String ARGUMENT_COUNT = PREFIX + "type.argument-count";
	public static final String ARGUMENT_TYPE = PREFIX + "type.argument-type";
	public static final String TEMPLATE_COUNT = PREFIX + "type.template-count";
	public static final String TEMPLATE_CONSTRAINT = PREFIX + "type.template-constraint";
	public static final String NOT_A_TEMPLATE = PREFIX + "type.not-a-template";
	public static final String TEMPLATE_NOT_INSTANTIATED = PREFIX + "type.template-not-instantiated";
	public static final String INSTANCE_TYPE = PREFIX + "type.instance";

	// lowering to the IR (allo show)
	public static final String LOWERING_UNSUPPORTED_TYPE = PREFIX + "lowering.unsupported-type";
	public static final String LOWERING_UNSUPPORTED_STATEMENT = PREFIX + "lowering.unsupported-statement";
	public static final String LOWERING_UNSUPPORTED_EXPRESSION = PREFIX + "lowering.unsupported-expression";
	public static final String LOWERING_TEMPLATE = PREFIX + "lowering.template";
	public static final String LOWERING_STREAM_INDEX = PREFIX + "lowering.stream-index";

	// dataflow regions (LANGUAGE.md §5)
	public static final String DF_REGION_BODY = PREFIX + "dataflow.region-body";
	public static final String DF_MAPPING = PREFIX + "dataflow.mapping";
	public static final String DF_ARGS_COUNT = PREFIX + "dataflow.args-count";
	public static final String DF_ARGS_TYPE = PREFIX + "dataflow.args-type";
	public static final String DF_SCALAR_ARG = PREFIX + "dataflow.scalar-arg";
	public static final String DF_STREAM_INDEX = PREFIX + "dataflow.stream-index";
	public static final String DF_PRODUCERS = PREFIX + "dataflow.several-ends";
	public static final String DF_MISSING_END = PREFIX + "dataflow.missing-end";
	public static final String DF_UNUSED_STREAM = PREFIX + "dataflow.unused-stream";
	public static final String DF_DEADLOCK = PREFIX + "dataflow.deadlock";

	// builds (allo build)
	public static final String BUILD_OPTION = PREFIX + "build.option";
	public static final String BUILD_PROJECT_ESCAPES = PREFIX + "build.project-escapes";
	public static final String BUILD_UNSUPPORTED = PREFIX + "build.unsupported";

	// equivalence checking (allo.verify in a file)
	/** allo.verify(a, b) where concrete inputs give different outputs; the message carries them. */
	public static final String VERIFY_NOT_EQUIVALENT = PREFIX + "verify.not-equivalent";
	/** allo.verify(a, b) that the checker could not decide (warning). */
	public static final String VERIFY_UNPROVEN = PREFIX + "verify.unproven";

	// estimates (allo report)
	/** Warning: the report covers only the steps before one the passes cannot apply yet. */
	public static final String ESTIMATE_PARTIAL_SCHEDULE = PREFIX + "estimate.partial-schedule";
}
