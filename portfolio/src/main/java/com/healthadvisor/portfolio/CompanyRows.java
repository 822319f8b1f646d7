package com.healthadvisor.portfolio;

import com.healthadvisor.RuleFiles;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * The outcomes of one partition whose rows are sorted by company: each {@link #next()} hands one company's rows to
 * the advisor as they come off the partition, never holding more than one row of them, and gives that company's
 * outcome. A row is {@code company, the header's columns..., its place in the file}; a null company (an empty
 * {@code company_id}) is the company "".
 */
final class CompanyRows implements Iterator<Row> {

    private final Iterator<Row> partition;
    private final List<String> header;
    private final String period;
    private final RuleFiles rules;
    private Row ahead;

    CompanyRows(Iterator<Row> partition, List<String> header, String period, RuleFiles rules) {
        this.partition = partition;
        this.header = header;
        this.period = period;
        this.rules = rules;
        this.ahead = partition.hasNext() ? partition.next() : null;
    }

    @Override
    public boolean hasNext() {
        return ahead != null;
    }

    @Override
    public Row next() {
        if (ahead == null) {
            throw new NoSuchElementException();
        }
        String company = companyOf(ahead);
        OfOneCompany rows = new OfOneCompany(company);
        CompanyDiagnosis.Outcome outcome;
        try {
            outcome = CompanyDiagnosis.of(company, header, rows, period, rules);
        } finally {
            rows.skipTheRest();
        }
        return RowFactory.create(outcome.company(), outcome.period(), outcome.health(), outcome.topCode(),
                outcome.result(), outcome.error());
    }

    private static String companyOf(Row row) {
        return row.isNullAt(0) ? "" : row.getString(0);
    }

    /** The rows of one company, each as the values of the header's columns, read off the partition one by one. */
    private final class OfOneCompany implements Iterator<List<String>> {

        private final String company;

        OfOneCompany(String company) {
            this.company = company;
        }

        @Override
        public boolean hasNext() {
            return ahead != null && Objects.equals(companyOf(ahead), company);
        }

        @Override
        public List<String> next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            List<String> values = new ArrayList<>(header.size());
            for (int column = 1; column <= header.size(); column++) {
                values.add(ahead.isNullAt(column) ? null : ahead.getString(column));
            }
            ahead = partition.hasNext() ? partition.next() : null;
            return values;
        }

        /** What the advisor left unread (a ledger refused at its header) is passed over, to the next company. */
        void skipTheRest() {
            while (hasNext()) {
                next();
            }
        }
    }
}
