"""Help texts of the command line, in the language the user asked for.

typer builds the help when the app is defined, before any option is parsed, so the language
is read from ``sys.argv`` (``--lang en`` / ``--lang=en``) and ``GAUDIT_LANG`` here, once, at
import.  Every help string is one language: Chinese by default, English with ``--lang en``.
"""

from __future__ import annotations

import os
import sys

from gaudit.i18n import Bilingual, as_lang


def argv_lang(argv: list[str] | None = None, env: str | None = None) -> str:
    """``en`` or ``zh``: the last ``--lang`` of ``argv``, else ``GAUDIT_LANG``, else ``zh``."""
    args = sys.argv[1:] if argv is None else argv
    chosen = os.environ.get("GAUDIT_LANG", "zh") if env is None else env
    for i, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(args):
            chosen = args[i + 1]
        elif arg.startswith("--lang="):
            chosen = arg.split("=", 1)[1]
    return as_lang(chosen)


LANG = argv_lang()


def t(zh: str, en: str) -> str:
    """The help text in the language of this invocation."""
    return Bilingual(zh, en).get(LANG)


APP = t("审查政府信息公开工作年度报告:六个部分、三张统计表、必须相符的合计。",
        "Audit Chinese government information-disclosure annual reports: six sections, three "
        "tables, totals that must agree.")
VERSION = t("显示版本并退出。", "Print the version and exit.")
PATHS = t("报告文件或文件夹;'-' 读取标准输入。", "Report files or folders; '-' reads stdin.")
INCLUDE = t("文件夹中要审查的文件通配符(默认 *.txt、*.htm、*.html 等)。",
            "Glob of files to audit inside folders (default *.txt, *.htm, *.html and more).")
EXCLUDE = t("文件夹中要跳过的文件通配符。", "Glob of files to skip inside folders.")
ENCODING = t("用此编码解码所有文件,不自动检测。", "Decode every file with this codec instead of detecting it.")
STDIN_NAME = t("标准输入('-')显示的文件名。", "The name to show for '-' (standard input).")
JOBS = t("工作进程数(默认每个 CPU 一个;1 表示在本进程内)。",
         "Worker processes (default: number of CPUs; 1 = in-process).")
MAX_SIZE = t("拒绝大于此大小的文件(默认 20MB)。", "Refuse files larger than this (default 20MB).")
LANG_HELP = t("消息语言:zh(默认)或 en;也可设 GAUDIT_LANG。",
              "Message language: zh (default) or en; also GAUDIT_LANG.")
OUTPUT = t("把报告写入此文件(原子写入),而不是标准输出;不能是输入文件之一。",
           "Write the report to this file (atomically) instead of stdout; never one of the inputs.")
CONFIG = t("使用此配置文件,不再查找 .gaudit.yaml。", "Use this config file instead of searching for .gaudit.yaml.")
RULES = t("额外的规则文件或文件夹(可重复);同 id 替换内置规则。",
          "Extra rule file or folder (repeatable); same id replaces a built-in.")
DEBUG = t("显示内部错误的调用栈。", "Show tracebacks of internal errors.")
PREVIOUS = t("往年的报告(文件夹或文件,可重复):只用于比对,不审查。",
             "Earlier reports (folder or file, repeatable) compared with, not audited.")
HIERARCHY = t("YAML 文件:每个上级机关对应其下级机关名称列表。",
              "YAML file mapping each parent organ to its children's names.")
NO_CROSS = t("不做跨报告比对(年度衔接、雷同、重复、上下级合计)。",
             "Skip the cross-report pass (years, copies, duplicates, sums).")
TIMEOUT = t("单个文件的时间上限(秒),超时的文件记为无法读取;0 表示不限。默认 30。",
            "Seconds one file may take before it is reported unreadable; 0 for no limit. Default 30.")
FORCE_EXCLUDE = t("--exclude 也适用于命令行直接指定的文件(pre-commit)。",
                  "Apply --exclude to files named on the command line too (pre-commit).")
FORMAT = t("输出格式:{formats}。默认:终端上为 terminal,GitHub Actions 中写标准输出时为 github,"
           "其他情况为 concise。",
           "Output format: {formats}. Default: terminal on a terminal, github under GitHub Actions "
           "when writing to stdout, concise otherwise.")
FAIL_ON = t("有此级别及以上的问题时退出码为 1:error(默认)、warning、info、never。",
            "Exit 1 on findings at or above: error (default), warning, info, never.")
SELECT = t("只用这些规则 id 或类别(可重复,可用逗号分隔)。",
           "Only these rule ids or kinds (repeatable, comma-separated).")
IGNORE = t("跳过这些规则 id 或类别(可重复,可用逗号分隔)。",
           "Skip these rule ids or kinds (repeatable, comma-separated).")
SEVERITY = t("改变规则或类别的级别:ID=error|warning|info|off。",
             "Override a rule's or kind's severity: ID=error|warning|info|off.")
QUIET = t("-q 列表中只列错误(警告和提示仍计入汇总和退出码);-qq 只显示汇总。",
          "-q lists errors only (warnings and infos still count in the summary and exit code); "
          "-qq prints only the summary.")
STATISTICS = t("显示每条规则发现的问题数。", "Print how many findings each rule produced.")
COLOR = t("强制开启或关闭颜色(默认自动)。", "Force colour on or off (default: auto).")
PROGRESS = t("不显示进度条(默认:终端上审查多个文件时显示)。",
             "Do not show the progress bar (default: shown for many files on a terminal).")
SHOW_FILES = t("列出将要审查的文件,然后退出。", "List the files that would be audited, then exit.")
BASELINE = t("只报告此基线文件中没有的问题。", "Report only findings that this baseline file does not accept.")
WRITE_BASELINE = t("把本次所有问题写入基线文件(之后用 --baseline 只报告新问题)。",
                   "Write every finding of this run to a baseline file (then --baseline reports only new ones).")
CHECK = t("审查报告并列出问题。", "Audit reports and list their defects.")
EXTRACT = t("把报告的法定统计表读成数据。", "Read the statutory tables of reports into data.")
EXTRACT_FORMAT = t("json(gaudit.extract/1 契约)、csv(每个单元格一行)或 table。",
                   "json (the gaudit.extract/1 contract), csv (one row per cell) or table.")
RULES_CMD = t("列出规则:内置规则和 --rules 文件中的规则。", "List the rules: built-in ones and those of --rules files.")
RULE_ID = t("完整显示一条规则:检查什么、为什么、示例、如何关闭。",
            "Show one rule in full: what it checks, why, an example, how to silence it.")
CONFIG_CMD = t("显示合并后的设置及每项的来源。", "Print the merged settings and where each came from.")
