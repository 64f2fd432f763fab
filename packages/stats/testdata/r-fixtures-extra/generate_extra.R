## generate_extra.R -- extra R reference fixtures for @cmr-mass/stats, made with the same helpers as
## the public fixtures (../r-fixtures/fixture_lib.R) but on other data: missing values, factors with
## more levels, heavy and near ties, other confidence levels and quantiles, more covariates, a numeric
## 0/1 covariate, 4-group Gray tests, reversed ROC levels, hand-made edge cases.
##
## Run from packages/stats/testdata/r-fixtures-extra:   Rscript generate_extra.R
## Writes <id>.json (fixtures, schema of ../r-fixtures/README.md) and specs/<id>__<case>.json (the
## `cmr-mass stats` spec of each case, built as stats-cli.md describes). Needs R with survival,
## pROC, cmprsk, jsonlite (Debian 12: r-base-core r-cran-survival r-cran-proc r-cran-cmprsk r-cran-jsonlite).

SCRIPT <- "packages/stats/testdata/r-fixtures-extra/generate_extra.R"
out_dir <- "."
source("extra_lib.R")
dir.create(file.path(out_dir, "specs"), showWarnings = FALSE)

## ============================================================ pbc (missing values, 4 stages)
P <- survival::pbc
d <- data.frame(time = P$time, status = as.integer(P$status == 2), stage = factor(P$stage),
                sex = P$sex, trt = P$trt)
fixture("pbc_km", "kaplan_meier", "survival::pbc",
  "d <- data.frame(time = pbc$time, status = as.integer(pbc$status == 2), stage = factor(pbc$stage), sex = pbc$sex, trt = pbc$trt)",
  d, list(
    km_item("by_stage_conf90", d, "stage", "stage", conf = 0.9, probs = c(0.1, 0.5, 0.9)),
    km_item("by_sex", d, "sex", "sex"),
    km_item("overall_median", d, "1", NULL, probs = c(0.5)),
    km_item("by_trt_na", d, "trt", "trt", probs = c(0.2, 1/3, 0.75))),
  PKG_SURV)

fixture("pbc_logrank", "logrank", "survival::pbc",
  "d <- data.frame(time = pbc$time, status = as.integer(pbc$status == 2), stage = factor(pbc$stage), sex = pbc$sex, trt = pbc$trt)",
  d, list(lr_item("by_stage", d, "stage"), lr_item("by_stage_rho05", d, "stage", rho = 0.5),
          lr_item("by_trt", d, "trt"), lr_item("by_sex_rho1", d, "sex", rho = 1)),
  PKG_SURV)

## derived terms: the formula says log(bili); the spec's data carries the column "log(bili)" (stats-cli.md §2)
dc <- data.frame(time = P$time, status = as.integer(P$status == 2), age = P$age, bili = P$bili,
                 `log(bili)` = log(P$bili), edema = P$edema, albumin = P$albumin,
                 stage = factor(P$stage), female = as.integer(P$sex == "f"), trt = P$trt,
                 protime = P$protime, `log(protime)` = log(P$protime), check.names = FALSE)
fixture("pbc_cox", "coxph", "survival::pbc",
  paste0("d <- data.frame(time = pbc$time, status = as.integer(pbc$status == 2), age = pbc$age, bili = pbc$bili,\n",
         "  `log(bili)` = log(pbc$bili), edema = pbc$edema, albumin = pbc$albumin, stage = factor(pbc$stage),\n",
         "  female = as.integer(pbc$sex == \"f\"), trt = pbc$trt, protime = pbc$protime, `log(protime)` = log(pbc$protime),\n",
         "  check.names = FALSE)"),
  dc, list(
    cox_item("five_efron", dc, c("age", "log(bili)", "edema", "albumin", "stage"), "efron"),
    cox_item("five_breslow", dc, c("age", "log(bili)", "edema", "albumin", "stage"), "breslow"),
    cox_item("binary_covariates", dc, c("female", "trt", "log(protime)"), "efron"),
    cox_item("one_term", dc, c("log(bili)"), "breslow")),
  PKG_SURV)

## competing risks on pbc: 1 = transplant, 2 = death
dcr <- data.frame(time = P$time, status = P$status,
                  event = factor(P$status, 0:2, labels = c("censor", "transplant", "death")),
                  sex = P$sex, stage = factor(P$stage))
TIMES <- "c(0.5, 365, 1000, 2000, 3000, 4000, 5000)"
TIMESV <- c(0.5, 365, 1000, 2000, 3000, 4000, 5000)
cr_item <- function(name, method, group, status) {
  if (method == "cuminc") {
    code <- cuminc_code("time", status, group, TIMES)
    ex <- cuminc_extract
  } else {
    code <- aj_code("time", status, if (is.null(group)) "1" else group, TIMES)
    ex <- aj_extract
  }
  keys <- list(method = method, time = "time", status = status)
  if (!is.null(group)) keys$group <- group
  keys$at_times <- arr(TIMESV)
  item(make_case(name, code, dcr, ex), spec_of("competing_risks", dcr, keys))
}
fixture("pbc_competing", "competing_risks", "survival::pbc",
  paste0("d <- data.frame(time = pbc$time, status = pbc$status,\n",
         "  event = factor(pbc$status, 0:2, labels = c(\"censor\", \"transplant\", \"death\")), sex = pbc$sex, stage = factor(pbc$stage))"),
  dcr, list(
    cr_item("cuminc_by_stage", "cuminc", "stage", "status"),
    cr_item("cuminc_by_sex", "cuminc", "sex", "status"),
    cr_item("aj_by_stage", "aalen_johansen", "stage", "event"),
    cr_item("aj_overall", "aalen_johansen", NULL, "event")),
  PKG_CR)

## ============================================================ aml (small, ties)
A <- survival::aml
d <- data.frame(time = A$time, status = A$status, x = A$x)
fixture("aml_survival", "kaplan_meier", "survival::aml", "d <- data.frame(time = aml$time, status = aml$status, x = aml$x)",
  d, list(km_item("by_x", d, "x", "x"), lr_item("logrank_by_x", d, "x"),
          cox_item("cox_x_efron", d, c("x"), "efron"), cox_item("cox_x_breslow", d, c("x"), "breslow")),
  PKG_SURV)

## ============================================================ colon (death), more covariates
C <- survival::colon
C <- C[C$etype == 2, ]
dcol <- data.frame(time = C$time, status = C$status, rx = C$rx, age = C$age, sex = C$sex,
                   obstruct = C$obstruct, nodes = C$nodes, differ = factor(C$differ), extent = C$extent)
fixture("colon_cox", "coxph", "survival::colon (etype == 2)",
  paste0("C <- colon[colon$etype == 2, ]\n",
         "d <- data.frame(time = C$time, status = C$status, rx = C$rx, age = C$age, sex = C$sex,\n",
         "  obstruct = C$obstruct, nodes = C$nodes, differ = factor(C$differ), extent = C$extent)"),
  dcol, list(
    cox_item("seven_efron", dcol, c("rx", "age", "sex", "obstruct", "nodes", "differ", "extent"), "efron"),
    cox_item("seven_breslow", dcol, c("rx", "age", "sex", "obstruct", "nodes", "differ", "extent"), "breslow"),
    lr_item("logrank_rx", dcol, "rx"),
    km_item("km_rx", dcol, "rx", "rx")),
  PKG_SURV)

## ============================================================ synthetic: ties, near ties, edges
set.seed(20261127)
n <- 300
g <- sample(c("b", "a", "c"), n, replace = TRUE)
x1 <- rnorm(n); x2 <- rbinom(n, 1, 0.4); x3 <- round(runif(n, 0, 3))
lp <- 0.5 * x1 - 0.7 * x2 + 0.3 * x3
tt <- round(rexp(n, 0.1 * exp(lp)), 0) + 1         # heavy ties
cc <- round(runif(n, 5, 40))
time <- pmin(tt, cc); status <- as.integer(tt <= cc)
near <- sample(n, 40); time[near] <- time[near] * (1 + 1e-12)   # near ties (timefix)
ds <- data.frame(time = time, status = status, g = factor(g), x1 = x1, x2 = x2, x3 = x3)
fixture("synthetic_ties", "coxph", "simulated (set.seed(20261127))", "see generate_extra.R", ds, list(
    cox_item("ties_efron", ds, c("x1", "x2", "x3", "g"), "efron"),
    cox_item("ties_breslow", ds, c("x1", "x2", "x3", "g"), "breslow"),
    km_item("km_by_g", ds, "g", "g"),
    lr_item("logrank_by_g", ds, "g"),
    lr_item("logrank_by_g_rho2", ds, "g", rho = 2)),
  PKG_SURV)

## edge cases: an event and a censoring at the same time, zero follow-up, a group with no events
de <- data.frame(time = c(0, 0, 1, 1, 2, 3, 3, 3, 5, 8, 8, 13, 1, 2, 4, 6, 6, 9, 2, 3),
                 status = c(1, 0, 1, 0, 1, 1, 1, 0, 0, 1, 0, 1, 0, 0, 1, 1, 0, 1, 0, 0),
                 grp = c(rep("x", 12), rep("y", 6), rep("z", 2)))
fixture("edge_survival", "kaplan_meier", "hand-made (20 rows)", "d <- data.frame(time, status, grp) as listed in data", de, list(
    km_item("km_by_grp", de, "grp", "grp", probs = c(0.25, 0.5)),
    km_item("km_overall", de, "1", NULL),
    lr_item("logrank_by_grp", de, "grp")),
  PKG_SURV)

dall <- data.frame(time = c(3, 5, 5, 9, 12), status = c(0, 0, 0, 0, 0))
fixture("edge_all_censored", "kaplan_meier", "hand-made (5 rows)", "all censored", dall, list(
    km_item("km", dall, "1", NULL)), PKG_SURV)
done <- data.frame(time = c(7), status = c(1))
fixture("edge_one_subject", "kaplan_meier", "hand-made (1 row)", "a single subject", done, list(
    km_item("km", done, "1", NULL)), PKG_SURV)


## ============================================================ more edges: empty levels, 0/1 outcomes
de2 <- data.frame(time = P$time[1:150], status = as.integer(P$status[1:150] == 2), code = P$status[1:150],
                  event = factor(P$status[1:150], 0:3, labels = c("censor", "transplant", "death", "other")),
                  grp = factor(ifelse(P$sex[1:150] == "f", "female", "male"), levels = c("male", "unknown", "female")),
                  bili = P$bili[1:150], tri = factor(c("lo", "mid", "hi")[1 + (P$bili[1:150] > 1) + (P$bili[1:150] > 3)],
                                                    levels = c("lo", "mid", "hi")))
ETIMES <- "c(2000, 100, 100, 5000)"
ETIMESV <- c(2000, 100, 100, 5000)
fixture("edge_levels", "kaplan_meier", "survival::pbc (first 150 rows)", "see generate_extra.R", de2, list(
    km_item("km_empty_level", de2, "grp", "grp"),
    lr_item("logrank_empty_level", de2, "grp"),
    item(make_case("aj_empty_cause_and_level", aj_code("time", "event", "grp", ETIMES), de2, aj_extract),
         spec_of("competing_risks", de2, list(method = "aalen_johansen", time = "time", status = "event", group = "grp",
                                              at_times = arr(ETIMESV)))),
    item(make_case("cuminc_overall_unsorted_times", cuminc_code("time", "code", NULL, ETIMES), de2, cuminc_extract),
         spec_of("competing_risks", de2, list(method = "cuminc", time = "time", status = "code", at_times = arr(ETIMESV)))),
    item(make_case("roc_numeric_outcome", paste0(
           "r <- roc(d$status, d$bili)\nci <- ci.auc(r, method = \"delong\")\nv <- var(r, method = \"delong\")\n",
           "best <- coords(r, \"best\", best.method = \"youden\", ret = c(\"threshold\", \"sensitivity\", \"specificity\"), transpose = FALSE)"),
           de2, roc_extract),
         spec_of("roc", de2, list(outcome = "status", marker = "bili"))),
    item(make_case("roc_three_levels", roc_code("tri", "time", c("lo", "hi"), "auto"), de2, roc_extract),
         spec_of("roc", de2, list(outcome = "tri", marker = "time", levels = arr(c("lo", "hi")), direction = "auto")))),
  c("survival", "cmprsk", "pROC", "jsonlite"))

## ============================================================ ROC
data(aSAH, package = "pROC")
A <- aSAH
dr <- data.frame(outcome = A$outcome, s100b = A$s100b, ndka = A$ndka, age = A$age,
                 wfns = as.integer(as.character(A$wfns)))
dr$age[c(3, 50)] <- NA
roc_item <- function(name, marker, levels, direction) {
  code <- if (is.null(levels)) paste0(
    "r <- roc(d$outcome, d$", marker, ", direction = \"", direction, "\")\n",
    "ci <- ci.auc(r, method = \"delong\")\nv <- var(r, method = \"delong\")\n",
    "best <- coords(r, \"best\", best.method = \"youden\", ret = c(\"threshold\", \"sensitivity\", \"specificity\"), transpose = FALSE)")
  else roc_code("outcome", marker, levels, direction)
  keys <- list(outcome = "outcome", marker = marker)
  if (!is.null(levels)) keys$levels <- arr(levels)
  keys$direction <- direction
  item(make_case(name, code, dr, roc_extract), spec_of("roc", dr, keys))
}
roc_test_item <- function(name, m1, m2, levels, d1, d2) {
  code <- roc_test_code("outcome", m1, m2, levels, d1, d2)
  item(roc_test_case(name, code, dr),
       spec_of("roc_test", dr, list(outcome = "outcome", marker1 = m1, marker2 = m2, levels = arr(levels),
                                    directions = arr(c(d1, d2)))))
}
PG <- c("Poor", "Good")
fixture("asah_roc_extra", "roc", "pROC::aSAH", "d <- data.frame(outcome, s100b, ndka, age (2 set to NA), wfns) from aSAH", dr, list(
    roc_item("age_auto_na", "age", NULL, "auto"),
    roc_item("ndka_reversed_levels", "ndka", PG, "auto"),
    roc_item("s100b_reversed_gt", "s100b", PG, ">"),
    roc_item("wfns_gt", "wfns", c("Good", "Poor"), ">"),
    roc_test_item("test_s100b_vs_age_auto", "s100b", "age", c("Good", "Poor"), "auto", "auto"),
    roc_test_item("test_ndka_vs_wfns_mixed", "ndka", "wfns", c("Good", "Poor"), "<", ">")),
  PKG_ROC)

## ============================================================ logistic
dg <- data.frame(death = as.integer(P$status == 2), age = P$age, bili = P$bili, `log(bili)` = log(P$bili),
                 stage = factor(P$stage), sex = P$sex, albumin = P$albumin, check.names = FALSE)
glm_item <- function(name, terms, d) {
  rhs <- if (length(terms)) paste(terms, collapse = " + ") else "1"
  item(make_case(name, glm_code(paste0("death ~ ", rhs)), d, glm_extract),
       spec_of("logistic_glm", d, list(outcome = "death", terms = arr(terms))))
}
fixture("pbc_glm", "logistic_glm", "survival::pbc",
  "d <- data.frame(death = as.integer(pbc$status == 2), age, bili, `log(bili)` = log(bili), stage = factor(stage), sex, albumin)", dg, list(
    glm_item("five_terms", c("age", "log(bili)", "stage", "sex", "albumin"), dg),
    glm_item("intercept_only", character(0), dg),
    glm_item("one_term", c("log(bili)"), dg)),
  PKG_STATS)

## ============================================================ tables
kap_items <- list()
set.seed(7)
m4 <- matrix(rpois(16, 6) + diag(c(15, 9, 12, 20)), 4)
for (w in c("unweighted", "linear", "quadratic")) {
  kap_items[[length(kap_items) + 1]] <- item(kappa_table_case(paste0("kappa4_", w), m4, w),
    spec_of("cohen_kappa", NULL, list(table = unname(m4), weights = w)))
}
m2 <- matrix(c(40, 3, 7, 12), 2)
kap_items[[length(kap_items) + 1]] <- item(kappa_table_case("kappa2", m2, "unweighted"),
  spec_of("cohen_kappa", NULL, list(table = unname(m2), weights = "unweighted")))
for (t in list(c(tp = 50, fp = 5, fn = 10, tn = 200), c(tp = 3, fp = 0, fn = 0, tn = 2), c(tp = 0, fp = 4, fn = 6, tn = 30))) {
  nm <- paste0("diag_", paste(t, collapse = "_"))
  kap_items[[length(kap_items) + 1]] <- item(diag_table_case(nm, t),
    spec_of("diagnostic_2x2", NULL, list(tp = t[["tp"]], fp = t[["fp"]], fn = t[["fn"]], tn = t[["tn"]])))
}
fixture("extra_tables", "diagnostic_2x2+cohen_kappa", "hand-made tables", "none", data.frame(), kap_items, PKG_STATS)
message("done")
