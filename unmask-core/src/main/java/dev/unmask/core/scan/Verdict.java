package dev.unmask.core.scan;

import java.util.List;

/**
 * The fused judgement on one file.
 *
 * @param label the label
 * @param confidence strength of the label in [0,1]: for synthetic/manipulated the fused score of that direction;
 *     for authentic the authenticity score discounted by the strongest contrary evidence; for inconclusive the
 *     strongest unresolved score; 0 for not applicable
 * @param synthetic fused synthetic score in [0,1]
 * @param manipulated fused manipulated score in [0,1]
 * @param authentic fused authenticity score in [0,1]
 * @param reason one or two sentences explaining the label, naming what was checked
 * @param drivers the findings that drove the verdict, strongest contribution first
 * @param checked ids of the analyzers that ran to completion
 * @param notChecked analyzers that did not run or failed, with the reason
 */
public record Verdict(Label label, double confidence, double synthetic, double manipulated, double authentic,
                      String reason, List<Driver> drivers, List<String> checked, List<NotChecked> notChecked) {

    /**
     * A finding's contribution to the verdict.
     *
     * @param analyzer analyzer id
     * @param code finding code
     * @param title finding title
     * @param evidence direction, lower case
     * @param score the finding's own score
     * @param weight the fusion weight applied
     * @param contribution weight &times; score
     */
    public record Driver(String analyzer, String code, String title, String evidence, double score, double weight,
                         double contribution) {}

    /**
     * An analyzer that did not contribute.
     *
     * @param analyzer analyzer id
     * @param status {@code not_applicable} or {@code failed}
     * @param reason why
     */
    public record NotChecked(String analyzer, String status, String reason) {}
}
