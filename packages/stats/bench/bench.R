## bench.R -- times R on exactly the rows of `npm run bench:stats` (the same calls the TS bench times).
## Make the data:  node packages/cli/bin/run-ts.mjs packages/stats/bench/bench.ts --runs 1 --csv /tmp/bench.csv
## Then:           Rscript packages/stats/bench/bench.R /tmp/bench.csv
suppressPackageStartupMessages({ library(survival); library(pROC) })
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(if (length(args)) args[1] else "/tmp/bench.csv")
d$group <- factor(d$group)
med <- function(f, runs = 5) { f(); median(replicate(runs, system.time(f())[["elapsed"]])) }
t_cox <- med(function() coxph(Surv(time, status) ~ x1 + x2 + x3 + x4 + x5, data = d, ties = "efron"))
t_km <- med(function() { fit <- survfit(Surv(time, status) ~ group, data = d); summary(fit)$table; quantile(fit) })
t_lr <- med(function() survdiff(Surv(time, status) ~ group, data = d))
t_roc <- med(function() { r <- roc(d$status, d$marker, levels = c("0", "1"), direction = "<", quiet = TRUE)
                          ci.auc(r, method = "delong"); var(r, method = "delong"); coords(r, "best", transpose = FALSE) })
cat(sprintf("R %s, N = %d: coxph %.3f s, survfit %.3f s, survdiff %.3f s, roc+delong %.3f s\n",
            getRversion(), nrow(d), t_cox, t_km, t_lr, t_roc))
