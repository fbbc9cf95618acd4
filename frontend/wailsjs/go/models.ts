export namespace app {
	
	export class DroppedFile {
	    name: string;
	    data: string;
	
	    static createFrom(source: any = {}) {
	        return new DroppedFile(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.data = source["data"];
	    }
	}
	export class EvidenceContent {
	    item: evidence.Item;
	    dataUrl: string;
	
	    static createFrom(source: any = {}) {
	        return new EvidenceContent(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.item = this.convertValues(source["item"], evidence.Item);
	        this.dataUrl = source["dataUrl"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class SchemeImportPreview {
	    path: string;
	    file: string;
	    sheet: string;
	    name: string;
	    indicators: scheme.Indicator[];
	    total: scheme.Subtotal;
	    problems: workbook.Problem[];
	    warnings: string[];
	    result: scheme.ImportResult;
	
	    static createFrom(source: any = {}) {
	        return new SchemeImportPreview(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.path = source["path"];
	        this.file = source["file"];
	        this.sheet = source["sheet"];
	        this.name = source["name"];
	        this.indicators = this.convertValues(source["indicators"], scheme.Indicator);
	        this.total = this.convertValues(source["total"], scheme.Subtotal);
	        this.problems = this.convertValues(source["problems"], workbook.Problem);
	        this.warnings = source["warnings"];
	        this.result = this.convertValues(source["result"], scheme.ImportResult);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Status {
	    ok: boolean;
	    error: string;
	    dbPath: string;
	    version: string;
	    buildDate: string;
	    dataVersion: number;
	    counts: org.Counts;
	
	    static createFrom(source: any = {}) {
	        return new Status(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.ok = source["ok"];
	        this.error = source["error"];
	        this.dbPath = source["dbPath"];
	        this.version = source["version"];
	        this.buildDate = source["buildDate"];
	        this.dataVersion = source["dataVersion"];
	        this.counts = this.convertValues(source["counts"], org.Counts);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

export namespace assignment {
	
	export class Line {
	    group: string;
	    name: string;
	    unit: string;
	    recused: string[];
	    change: string;
	
	    static createFrom(source: any = {}) {
	        return new Line(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.group = source["group"];
	        this.name = source["name"];
	        this.unit = source["unit"];
	        this.recused = source["recused"];
	        this.change = source["change"];
	    }
	}
	export class Result {
	    file: string;
	    created: number;
	    updated: number;
	    unchanged: number;
	    removed: number;
	    groups: round.GroupPlan[];
	    lines: Line[];
	    problems: workbook.Problem[];
	    applied: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Result(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.file = source["file"];
	        this.created = source["created"];
	        this.updated = source["updated"];
	        this.unchanged = source["unchanged"];
	        this.removed = source["removed"];
	        this.groups = this.convertValues(source["groups"], round.GroupPlan);
	        this.lines = this.convertValues(source["lines"], Line);
	        this.problems = this.convertValues(source["problems"], workbook.Problem);
	        this.applied = source["applied"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

export namespace audit {
	
	export class Entry {
	    id: number;
	    at: string;
	    operator: string;
	    action: string;
	    objectType: string;
	    objectLabel: string;
	    objectId?: number;
	    objectName: string;
	    before: string;
	    after: string;
	
	    static createFrom(source: any = {}) {
	        return new Entry(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.at = source["at"];
	        this.operator = source["operator"];
	        this.action = source["action"];
	        this.objectType = source["objectType"];
	        this.objectLabel = source["objectLabel"];
	        this.objectId = source["objectId"];
	        this.objectName = source["objectName"];
	        this.before = source["before"];
	        this.after = source["after"];
	    }
	}
	export class Filter {
	    from: string;
	    to: string;
	    objectType: string;
	    action: string;
	    query: string;
	    offset: number;
	    limit: number;
	
	    static createFrom(source: any = {}) {
	        return new Filter(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.from = source["from"];
	        this.to = source["to"];
	        this.objectType = source["objectType"];
	        this.action = source["action"];
	        this.query = source["query"];
	        this.offset = source["offset"];
	        this.limit = source["limit"];
	    }
	}
	export class Page {
	    entries: Entry[];
	    total: number;
	
	    static createFrom(source: any = {}) {
	        return new Page(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.entries = this.convertValues(source["entries"], Entry);
	        this.total = source["total"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Verification {
	    ok: boolean;
	    count: number;
	    badId: number;
	    message: string;
	
	    static createFrom(source: any = {}) {
	        return new Verification(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.ok = source["ok"];
	        this.count = source["count"];
	        this.badId = source["badId"];
	        this.message = source["message"];
	    }
	}

}

export namespace backup {
	
	export class Info {
	    name: string;
	    path: string;
	    size: number;
	    // Go type: time
	    time: any;
	    reason: string;
	
	    static createFrom(source: any = {}) {
	        return new Info(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.path = source["path"];
	        this.size = source["size"];
	        this.time = this.convertValues(source["time"], null);
	        this.reason = source["reason"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

export namespace dashboard {
	
	export class Findings {
	    byStatus: {[key: string]: number};
	    overdue: number;
	    overdueList: finding.View[];
	
	    static createFrom(source: any = {}) {
	        return new Findings(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.byStatus = source["byStatus"];
	        this.overdue = source["overdue"];
	        this.overdueList = this.convertValues(source["overdueList"], finding.View);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Ranked {
	    unit: string;
	    shortName: string;
	    area: string;
	    finalCenti: number;
	    rank: number;
	    grade: string;
	
	    static createFrom(source: any = {}) {
	        return new Ranked(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.unit = source["unit"];
	        this.shortName = source["shortName"];
	        this.area = source["area"];
	        this.finalCenti = source["finalCenti"];
	        this.rank = source["rank"];
	        this.grade = source["grade"];
	    }
	}
	export class Ranking {
	    code: string;
	    title: string;
	    units: Ranked[];
	
	    static createFrom(source: any = {}) {
	        return new Ranking(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.code = source["code"];
	        this.title = source["title"];
	        this.units = this.convertValues(source["units"], Ranked);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class RoundProgress {
	    id: number;
	    code: string;
	    title: string;
	    status: string;
	    deadline: string;
	    units: number;
	    raters: number;
	    exported: number;
	    imported: number;
	    completeRaters: number;
	    completeTotals: number;
	    expectedTotals: number;
	    perRater: score.RaterProgress[];
	
	    static createFrom(source: any = {}) {
	        return new RoundProgress(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.code = source["code"];
	        this.title = source["title"];
	        this.status = source["status"];
	        this.deadline = source["deadline"];
	        this.units = source["units"];
	        this.raters = source["raters"];
	        this.exported = source["exported"];
	        this.imported = source["imported"];
	        this.completeRaters = source["completeRaters"];
	        this.completeTotals = source["completeTotals"];
	        this.expectedTotals = source["expectedTotals"];
	        this.perRater = this.convertValues(source["perRater"], score.RaterProgress);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Dashboard {
	    round?: RoundProgress;
	    ranking?: Ranking;
	    findings: Findings;
	    frontline: frontline.Summary;
	
	    static createFrom(source: any = {}) {
	        return new Dashboard(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.round = this.convertValues(source["round"], RoundProgress);
	        this.ranking = this.convertValues(source["ranking"], Ranking);
	        this.findings = this.convertValues(source["findings"], Findings);
	        this.frontline = this.convertValues(source["frontline"], frontline.Summary);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	

}

export namespace docx {
	
	export class Paragraph {
	    kind: number;
	    text: string;
	
	    static createFrom(source: any = {}) {
	        return new Paragraph(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.text = source["text"];
	    }
	}

}

export namespace evidence {
	
	export class Refusal {
	    name: string;
	    message: string;
	
	    static createFrom(source: any = {}) {
	        return new Refusal(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.message = source["message"];
	    }
	}
	export class Item {
	    id: number;
	    sha256: string;
	    fileName: string;
	    kind: string;
	    mime: string;
	    size: number;
	    category: string;
	    note: string;
	    findingId?: number;
	    roundId?: number;
	    unitId?: number;
	    indicatorId?: number;
	    matterId?: number;
	    brandId?: number;
	    branchId?: number;
	    batchId?: number;
	    operator: string;
	    // Go type: time
	    attachedAt: any;
	    record: string;
	    recordKind: string;
	    unitName: string;
	    roundCode: string;
	    indicatorCode: string;
	    indicatorName: string;
	    hasThumb: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Item(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.sha256 = source["sha256"];
	        this.fileName = source["fileName"];
	        this.kind = source["kind"];
	        this.mime = source["mime"];
	        this.size = source["size"];
	        this.category = source["category"];
	        this.note = source["note"];
	        this.findingId = source["findingId"];
	        this.roundId = source["roundId"];
	        this.unitId = source["unitId"];
	        this.indicatorId = source["indicatorId"];
	        this.matterId = source["matterId"];
	        this.brandId = source["brandId"];
	        this.branchId = source["branchId"];
	        this.batchId = source["batchId"];
	        this.operator = source["operator"];
	        this.attachedAt = this.convertValues(source["attachedAt"], null);
	        this.record = source["record"];
	        this.recordKind = source["recordKind"];
	        this.unitName = source["unitName"];
	        this.roundCode = source["roundCode"];
	        this.indicatorCode = source["indicatorCode"];
	        this.indicatorName = source["indicatorName"];
	        this.hasThumb = source["hasThumb"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class AddReport {
	    added: Item[];
	    skipped: Refusal[];
	    refused: Refusal[];
	
	    static createFrom(source: any = {}) {
	        return new AddReport(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.added = this.convertValues(source["added"], Item);
	        this.skipped = this.convertValues(source["skipped"], Refusal);
	        this.refused = this.convertValues(source["refused"], Refusal);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ExportResult {
	    dir: string;
	    units: number;
	    files: number;
	    index: string;
	
	    static createFrom(source: any = {}) {
	        return new ExportResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.dir = source["dir"];
	        this.units = source["units"];
	        this.files = source["files"];
	        this.index = source["index"];
	    }
	}
	export class Filter {
	    roundId: number;
	    unitId: number;
	    findingId: number;
	    matterId: number;
	    brandId: number;
	    branchId: number;
	    observation: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Filter(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.roundId = source["roundId"];
	        this.unitId = source["unitId"];
	        this.findingId = source["findingId"];
	        this.matterId = source["matterId"];
	        this.brandId = source["brandId"];
	        this.branchId = source["branchId"];
	        this.observation = source["observation"];
	    }
	}
	
	
	export class Target {
	    findingId: number;
	    roundId: number;
	    unitId: number;
	    indicatorId: number;
	    matterId: number;
	    brandId: number;
	    branchId: number;
	    category: string;
	
	    static createFrom(source: any = {}) {
	        return new Target(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.findingId = source["findingId"];
	        this.roundId = source["roundId"];
	        this.unitId = source["unitId"];
	        this.indicatorId = source["indicatorId"];
	        this.matterId = source["matterId"];
	        this.brandId = source["brandId"];
	        this.branchId = source["branchId"];
	        this.category = source["category"];
	    }
	}

}

export namespace exchange {
	
	export class BatchView {
	    id: number;
	    roundId: number;
	    raterId: number;
	    workbookId: string;
	    fileName: string;
	    fileHash: string;
	    fileModified: string;
	    sheetCount: number;
	    createdCount: number;
	    updatedCount: number;
	    clearedCount: number;
	    keptCount: number;
	    status: string;
	    // Go type: time
	    appliedAt: any;
	    // Go type: time
	    undoneAt?: any;
	    operator: string;
	    undoneBy: string;
	    round: string;
	    rater: string;
	
	    static createFrom(source: any = {}) {
	        return new BatchView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.roundId = source["roundId"];
	        this.raterId = source["raterId"];
	        this.workbookId = source["workbookId"];
	        this.fileName = source["fileName"];
	        this.fileHash = source["fileHash"];
	        this.fileModified = source["fileModified"];
	        this.sheetCount = source["sheetCount"];
	        this.createdCount = source["createdCount"];
	        this.updatedCount = source["updatedCount"];
	        this.clearedCount = source["clearedCount"];
	        this.keptCount = source["keptCount"];
	        this.status = source["status"];
	        this.appliedAt = this.convertValues(source["appliedAt"], null);
	        this.undoneAt = this.convertValues(source["undoneAt"], null);
	        this.operator = source["operator"];
	        this.undoneBy = source["undoneBy"];
	        this.round = source["round"];
	        this.rater = source["rater"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Change {
	    sheet: string;
	    cell: string;
	    unit: string;
	    indicator: string;
	    old: string;
	    new: string;
	    oldComment: string;
	    newComment: string;
	
	    static createFrom(source: any = {}) {
	        return new Change(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.sheet = source["sheet"];
	        this.cell = source["cell"];
	        this.unit = source["unit"];
	        this.indicator = source["indicator"];
	        this.old = source["old"];
	        this.new = source["new"];
	        this.oldComment = source["oldComment"];
	        this.newComment = source["newComment"];
	    }
	}
	export class Choice {
	    path: string;
	    key: string;
	    take: string;
	
	    static createFrom(source: any = {}) {
	        return new Choice(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.path = source["path"];
	        this.key = source["key"];
	        this.take = source["take"];
	    }
	}
	export class Conflict {
	    key: string;
	    unitId: number;
	    indicatorId: number;
	    unit: string;
	    indicator: string;
	    sheet: string;
	    cell: string;
	    stored: string;
	    file: string;
	    storedSource: string;
	    reason: string;
	    take: string;
	
	    static createFrom(source: any = {}) {
	        return new Conflict(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.key = source["key"];
	        this.unitId = source["unitId"];
	        this.indicatorId = source["indicatorId"];
	        this.unit = source["unit"];
	        this.indicator = source["indicator"];
	        this.sheet = source["sheet"];
	        this.cell = source["cell"];
	        this.stored = source["stored"];
	        this.file = source["file"];
	        this.storedSource = source["storedSource"];
	        this.reason = source["reason"];
	        this.take = source["take"];
	    }
	}
	export class SkippedRater {
	    raterId: number;
	    rater: string;
	    reason: string;
	
	    static createFrom(source: any = {}) {
	        return new SkippedRater(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.raterId = source["raterId"];
	        this.rater = source["rater"];
	        this.reason = source["reason"];
	    }
	}
	export class ExportedFile {
	    path: string;
	    fileName: string;
	    raterId: number;
	    rater: string;
	    group: string;
	    units: number;
	    workbookId: string;
	
	    static createFrom(source: any = {}) {
	        return new ExportedFile(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.path = source["path"];
	        this.fileName = source["fileName"];
	        this.raterId = source["raterId"];
	        this.rater = source["rater"];
	        this.group = source["group"];
	        this.units = source["units"];
	        this.workbookId = source["workbookId"];
	    }
	}
	export class ExportResult {
	    roundId: number;
	    round: string;
	    dir: string;
	    files: ExportedFile[];
	    skipped: SkippedRater[];
	
	    static createFrom(source: any = {}) {
	        return new ExportResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.roundId = source["roundId"];
	        this.round = source["round"];
	        this.dir = source["dir"];
	        this.files = this.convertValues(source["files"], ExportedFile);
	        this.skipped = this.convertValues(source["skipped"], SkippedRater);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class FileReport {
	    path: string;
	    fileName: string;
	    hash: string;
	    status: string;
	    workbookId: string;
	    roundId: number;
	    round: string;
	    raterId: number;
	    rater: string;
	    sheets: number;
	    new: number;
	    changed: number;
	    unchanged: number;
	    cleared: number;
	    kept: number;
	    conflicts: Conflict[];
	    problems: workbook.Problem[];
	    notes: workbook.Problem[];
	    batchId: number;
	    changes: Change[];
	
	    static createFrom(source: any = {}) {
	        return new FileReport(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.path = source["path"];
	        this.fileName = source["fileName"];
	        this.hash = source["hash"];
	        this.status = source["status"];
	        this.workbookId = source["workbookId"];
	        this.roundId = source["roundId"];
	        this.round = source["round"];
	        this.raterId = source["raterId"];
	        this.rater = source["rater"];
	        this.sheets = source["sheets"];
	        this.new = source["new"];
	        this.changed = source["changed"];
	        this.unchanged = source["unchanged"];
	        this.cleared = source["cleared"];
	        this.kept = source["kept"];
	        this.conflicts = this.convertValues(source["conflicts"], Conflict);
	        this.problems = this.convertValues(source["problems"], workbook.Problem);
	        this.notes = this.convertValues(source["notes"], workbook.Problem);
	        this.batchId = source["batchId"];
	        this.changes = this.convertValues(source["changes"], Change);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ImportRequest {
	    paths: string[];
	    token: string;
	    roundId: number;
	    password: string;
	    clearBlanks: boolean;
	    preferFile: boolean;
	    choices: Choice[];
	
	    static createFrom(source: any = {}) {
	        return new ImportRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.paths = source["paths"];
	        this.token = source["token"];
	        this.roundId = source["roundId"];
	        this.password = source["password"];
	        this.clearBlanks = source["clearBlanks"];
	        this.preferFile = source["preferFile"];
	        this.choices = this.convertValues(source["choices"], Choice);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Report {
	    token: string;
	    files: FileReport[];
	
	    static createFrom(source: any = {}) {
	        return new Report(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.token = source["token"];
	        this.files = this.convertValues(source["files"], FileReport);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class UndoResult {
	    batchId: number;
	    restored: number;
	    removed: number;
	
	    static createFrom(source: any = {}) {
	        return new UndoResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.batchId = source["batchId"];
	        this.restored = source["restored"];
	        this.removed = source["removed"];
	    }
	}

}

export namespace finding {
	
	export class Filter {
	    roundId: number;
	    unitId: number;
	    areaId: number;
	    status: string;
	    overdue: boolean;
	    query: string;
	
	    static createFrom(source: any = {}) {
	        return new Filter(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.roundId = source["roundId"];
	        this.unitId = source["unitId"];
	        this.areaId = source["areaId"];
	        this.status = source["status"];
	        this.overdue = source["overdue"];
	        this.query = source["query"];
	    }
	}
	export class Finding {
	    id: number;
	    roundId?: number;
	    unitId: number;
	    dimension: string;
	    method: string;
	    description: string;
	    requirement: string;
	    responsible: string;
	    deadline: string;
	    status: string;
	    evidence: string;
	    measures: string;
	    progress: string;
	    doneDate: string;
	    closedDate: string;
	
	    static createFrom(source: any = {}) {
	        return new Finding(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.roundId = source["roundId"];
	        this.unitId = source["unitId"];
	        this.dimension = source["dimension"];
	        this.method = source["method"];
	        this.description = source["description"];
	        this.requirement = source["requirement"];
	        this.responsible = source["responsible"];
	        this.deadline = source["deadline"];
	        this.status = source["status"];
	        this.evidence = source["evidence"];
	        this.measures = source["measures"];
	        this.progress = source["progress"];
	        this.doneDate = source["doneDate"];
	        this.closedDate = source["closedDate"];
	    }
	}
	export class Move {
	    to: string;
	    date: string;
	    confirmed: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Move(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.to = source["to"];
	        this.date = source["date"];
	        this.confirmed = source["confirmed"];
	    }
	}
	export class Options {
	    methods: string[];
	    statuses: string[];
	    dimensions: string[];
	
	    static createFrom(source: any = {}) {
	        return new Options(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.methods = source["methods"];
	        this.statuses = source["statuses"];
	        this.dimensions = source["dimensions"];
	    }
	}
	export class View {
	    id: number;
	    roundId?: number;
	    unitId: number;
	    dimension: string;
	    method: string;
	    description: string;
	    requirement: string;
	    responsible: string;
	    deadline: string;
	    status: string;
	    evidence: string;
	    measures: string;
	    progress: string;
	    doneDate: string;
	    closedDate: string;
	    unitName: string;
	    unitShortName: string;
	    areaName: string;
	    areaNumber: number;
	    roundCode: string;
	    roundTitle: string;
	    overdue: boolean;
	    overdueDays: number;
	
	    static createFrom(source: any = {}) {
	        return new View(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.roundId = source["roundId"];
	        this.unitId = source["unitId"];
	        this.dimension = source["dimension"];
	        this.method = source["method"];
	        this.description = source["description"];
	        this.requirement = source["requirement"];
	        this.responsible = source["responsible"];
	        this.deadline = source["deadline"];
	        this.status = source["status"];
	        this.evidence = source["evidence"];
	        this.measures = source["measures"];
	        this.progress = source["progress"];
	        this.doneDate = source["doneDate"];
	        this.closedDate = source["closedDate"];
	        this.unitName = source["unitName"];
	        this.unitShortName = source["unitShortName"];
	        this.areaName = source["areaName"];
	        this.areaNumber = source["areaNumber"];
	        this.roundCode = source["roundCode"];
	        this.roundTitle = source["roundTitle"];
	        this.overdue = source["overdue"];
	        this.overdueDays = source["overdueDays"];
	    }
	}

}

export namespace frontline {
	
	export class Application {
	    roundId: number;
	    roundCode: string;
	    roundTitle: string;
	    roundStatus: string;
	    pointsCenti: number;
	    verifiedBy: string;
	    at: string;
	
	    static createFrom(source: any = {}) {
	        return new Application(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.roundId = source["roundId"];
	        this.roundCode = source["roundCode"];
	        this.roundTitle = source["roundTitle"];
	        this.roundStatus = source["roundStatus"];
	        this.pointsCenti = source["pointsCenti"];
	        this.verifiedBy = source["verifiedBy"];
	        this.at = source["at"];
	    }
	}
	export class Branch {
	    id: number;
	    name: string;
	    kind: string;
	    parentId?: number;
	    hostUnitId?: number;
	    hostText: string;
	    secretary: string;
	    memberCount: number;
	    members: string;
	    founded: string;
	    dissolved: string;
	    notes: string;
	
	    static createFrom(source: any = {}) {
	        return new Branch(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.kind = source["kind"];
	        this.parentId = source["parentId"];
	        this.hostUnitId = source["hostUnitId"];
	        this.hostText = source["hostText"];
	        this.secretary = source["secretary"];
	        this.memberCount = source["memberCount"];
	        this.members = source["members"];
	        this.founded = source["founded"];
	        this.dissolved = source["dissolved"];
	        this.notes = source["notes"];
	    }
	}
	export class BranchView {
	    id: number;
	    name: string;
	    kind: string;
	    parentId?: number;
	    hostUnitId?: number;
	    hostText: string;
	    secretary: string;
	    memberCount: number;
	    members: string;
	    founded: string;
	    dissolved: string;
	    notes: string;
	    host: string;
	    parentName: string;
	    active: boolean;
	    teams: number;
	    matters: number;
	    mattersDone: number;
	
	    static createFrom(source: any = {}) {
	        return new BranchView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.kind = source["kind"];
	        this.parentId = source["parentId"];
	        this.hostUnitId = source["hostUnitId"];
	        this.hostText = source["hostText"];
	        this.secretary = source["secretary"];
	        this.memberCount = source["memberCount"];
	        this.members = source["members"];
	        this.founded = source["founded"];
	        this.dissolved = source["dissolved"];
	        this.notes = source["notes"];
	        this.host = source["host"];
	        this.parentName = source["parentName"];
	        this.active = source["active"];
	        this.teams = source["teams"];
	        this.matters = source["matters"];
	        this.mattersDone = source["mattersDone"];
	    }
	}
	export class Brand {
	    id: number;
	    unitId: number;
	    kind: string;
	    parentId?: number;
	    name: string;
	    level: string;
	    year: number;
	    issuer: string;
	    bonusCenti: number;
	    notes: string;
	
	    static createFrom(source: any = {}) {
	        return new Brand(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.unitId = source["unitId"];
	        this.kind = source["kind"];
	        this.parentId = source["parentId"];
	        this.name = source["name"];
	        this.level = source["level"];
	        this.year = source["year"];
	        this.issuer = source["issuer"];
	        this.bonusCenti = source["bonusCenti"];
	        this.notes = source["notes"];
	    }
	}
	export class BrandView {
	    id: number;
	    unitId: number;
	    kind: string;
	    parentId?: number;
	    name: string;
	    level: string;
	    year: number;
	    issuer: string;
	    bonusCenti: number;
	    notes: string;
	    unitName: string;
	    unitShortName: string;
	    parentName: string;
	    subBrands: number;
	    applications: Application[];
	
	    static createFrom(source: any = {}) {
	        return new BrandView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.unitId = source["unitId"];
	        this.kind = source["kind"];
	        this.parentId = source["parentId"];
	        this.name = source["name"];
	        this.level = source["level"];
	        this.year = source["year"];
	        this.issuer = source["issuer"];
	        this.bonusCenti = source["bonusCenti"];
	        this.notes = source["notes"];
	        this.unitName = source["unitName"];
	        this.unitShortName = source["unitShortName"];
	        this.parentName = source["parentName"];
	        this.subBrands = source["subBrands"];
	        this.applications = this.convertValues(source["applications"], Application);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class LedgerChange {
	    kind: string;
	    name: string;
	    action: string;
	    detail: string;
	    sheet: string;
	    cell: string;
	
	    static createFrom(source: any = {}) {
	        return new LedgerChange(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.name = source["name"];
	        this.action = source["action"];
	        this.detail = source["detail"];
	        this.sheet = source["sheet"];
	        this.cell = source["cell"];
	    }
	}
	export class LedgerTally {
	    created: number;
	    updated: number;
	    unchanged: number;
	
	    static createFrom(source: any = {}) {
	        return new LedgerTally(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.created = source["created"];
	        this.updated = source["updated"];
	        this.unchanged = source["unchanged"];
	    }
	}
	export class LedgerCounts {
	    branches: LedgerTally;
	    matters: LedgerTally;
	    brands: LedgerTally;
	
	    static createFrom(source: any = {}) {
	        return new LedgerCounts(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.branches = this.convertValues(source["branches"], LedgerTally);
	        this.matters = this.convertValues(source["matters"], LedgerTally);
	        this.brands = this.convertValues(source["brands"], LedgerTally);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class LedgerPlan {
	    file: string;
	    sheets: workbook.LedgerSheet[];
	    counts: LedgerCounts;
	    changes: LedgerChange[];
	    problems: workbook.Problem[];
	    notes: workbook.Problem[];
	    applied: boolean;
	
	    static createFrom(source: any = {}) {
	        return new LedgerPlan(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.file = source["file"];
	        this.sheets = this.convertValues(source["sheets"], workbook.LedgerSheet);
	        this.counts = this.convertValues(source["counts"], LedgerCounts);
	        this.changes = this.convertValues(source["changes"], LedgerChange);
	        this.problems = this.convertValues(source["problems"], workbook.Problem);
	        this.notes = this.convertValues(source["notes"], workbook.Problem);
	        this.applied = source["applied"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class Matter {
	    id: number;
	    code: string;
	    title: string;
	    source: string;
	    requester: string;
	    branchId?: number;
	    unitId?: number;
	    handler: string;
	    received: string;
	    done: string;
	    status: string;
	    result: string;
	
	    static createFrom(source: any = {}) {
	        return new Matter(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.code = source["code"];
	        this.title = source["title"];
	        this.source = source["source"];
	        this.requester = source["requester"];
	        this.branchId = source["branchId"];
	        this.unitId = source["unitId"];
	        this.handler = source["handler"];
	        this.received = source["received"];
	        this.done = source["done"];
	        this.status = source["status"];
	        this.result = source["result"];
	    }
	}
	export class MatterView {
	    id: number;
	    code: string;
	    title: string;
	    source: string;
	    requester: string;
	    branchId?: number;
	    unitId?: number;
	    handler: string;
	    received: string;
	    done: string;
	    status: string;
	    result: string;
	    branchName: string;
	    branchKind: string;
	    unitName: string;
	    unitShortName: string;
	
	    static createFrom(source: any = {}) {
	        return new MatterView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.code = source["code"];
	        this.title = source["title"];
	        this.source = source["source"];
	        this.requester = source["requester"];
	        this.branchId = source["branchId"];
	        this.unitId = source["unitId"];
	        this.handler = source["handler"];
	        this.received = source["received"];
	        this.done = source["done"];
	        this.status = source["status"];
	        this.result = source["result"];
	        this.branchName = source["branchName"];
	        this.branchKind = source["branchKind"];
	        this.unitName = source["unitName"];
	        this.unitShortName = source["unitShortName"];
	    }
	}
	export class Options {
	    branchKinds: string[];
	    sources: string[];
	    matterStatuses: string[];
	    brandKinds: string[];
	    levels: string[];
	    minMembers: number;
	    maxBonusCenti: number;
	    today: string;
	
	    static createFrom(source: any = {}) {
	        return new Options(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.branchKinds = source["branchKinds"];
	        this.sources = source["sources"];
	        this.matterStatuses = source["matterStatuses"];
	        this.brandKinds = source["brandKinds"];
	        this.levels = source["levels"];
	        this.minMembers = source["minMembers"];
	        this.maxBonusCenti = source["maxBonusCenti"];
	        this.today = source["today"];
	    }
	}
	export class RoundChoice {
	    id: number;
	    code: string;
	    title: string;
	    date: string;
	    status: string;
	    applied: boolean;
	    allowed: boolean;
	    reason: string;
	
	    static createFrom(source: any = {}) {
	        return new RoundChoice(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.code = source["code"];
	        this.title = source["title"];
	        this.date = source["date"];
	        this.status = source["status"];
	        this.applied = source["applied"];
	        this.allowed = source["allowed"];
	        this.reason = source["reason"];
	    }
	}
	export class Summary {
	    branches: number;
	    activeBranches: number;
	    inspection: number;
	    matters: number;
	    mattersDone: number;
	    mattersOpen: number;
	    forPublic: number;
	    forCompanies: number;
	    brands: number;
	    honours: number;
	
	    static createFrom(source: any = {}) {
	        return new Summary(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.branches = source["branches"];
	        this.activeBranches = source["activeBranches"];
	        this.inspection = source["inspection"];
	        this.matters = source["matters"];
	        this.mattersDone = source["mattersDone"];
	        this.mattersOpen = source["mattersOpen"];
	        this.forPublic = source["forPublic"];
	        this.forCompanies = source["forCompanies"];
	        this.brands = source["brands"];
	        this.honours = source["honours"];
	    }
	}

}

export namespace ledger {
	
	export class BatchView {
	    id: number;
	    unitId: number;
	    workbookId: string;
	    fileName: string;
	    fileHash: string;
	    rowCount: number;
	    newCount: number;
	    changedCount: number;
	    movedCount: number;
	    unchangedCount: number;
	    status: string;
	    // Go type: time
	    appliedAt: any;
	    // Go type: time
	    undoneAt?: any;
	    operator: string;
	    undoneBy: string;
	    unit: string;
	
	    static createFrom(source: any = {}) {
	        return new BatchView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.unitId = source["unitId"];
	        this.workbookId = source["workbookId"];
	        this.fileName = source["fileName"];
	        this.fileHash = source["fileHash"];
	        this.rowCount = source["rowCount"];
	        this.newCount = source["newCount"];
	        this.changedCount = source["changedCount"];
	        this.movedCount = source["movedCount"];
	        this.unchangedCount = source["unchangedCount"];
	        this.status = source["status"];
	        this.appliedAt = this.convertValues(source["appliedAt"], null);
	        this.undoneAt = this.convertValues(source["undoneAt"], null);
	        this.operator = source["operator"];
	        this.undoneBy = source["undoneBy"];
	        this.unit = source["unit"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ExportRequest {
	    unitIds: number[];
	    roundId: number;
	    dir: string;
	    deadline: string;
	
	    static createFrom(source: any = {}) {
	        return new ExportRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.unitIds = source["unitIds"];
	        this.roundId = source["roundId"];
	        this.dir = source["dir"];
	        this.deadline = source["deadline"];
	    }
	}
	export class SkippedUnit {
	    unitId: number;
	    unit: string;
	    reason: string;
	
	    static createFrom(source: any = {}) {
	        return new SkippedUnit(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.unitId = source["unitId"];
	        this.unit = source["unit"];
	        this.reason = source["reason"];
	    }
	}
	export class ExportedFile {
	    path: string;
	    fileName: string;
	    unitId: number;
	    unit: string;
	    findings: number;
	    workbookId: string;
	
	    static createFrom(source: any = {}) {
	        return new ExportedFile(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.path = source["path"];
	        this.fileName = source["fileName"];
	        this.unitId = source["unitId"];
	        this.unit = source["unit"];
	        this.findings = source["findings"];
	        this.workbookId = source["workbookId"];
	    }
	}
	export class ExportResult {
	    dir: string;
	    files: ExportedFile[];
	    skipped: SkippedUnit[];
	
	    static createFrom(source: any = {}) {
	        return new ExportResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.dir = source["dir"];
	        this.files = this.convertValues(source["files"], ExportedFile);
	        this.skipped = this.convertValues(source["skipped"], SkippedUnit);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class FieldChange {
	    field: string;
	    old: string;
	    new: string;
	
	    static createFrom(source: any = {}) {
	        return new FieldChange(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.field = source["field"];
	        this.old = source["old"];
	        this.new = source["new"];
	    }
	}
	export class RowChange {
	    findingId: number;
	    sheet: string;
	    cell: string;
	    description: string;
	    kind: string;
	    fields: FieldChange[];
	    statusFrom: string;
	    statusTo: string;
	    files: string[];
	
	    static createFrom(source: any = {}) {
	        return new RowChange(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.findingId = source["findingId"];
	        this.sheet = source["sheet"];
	        this.cell = source["cell"];
	        this.description = source["description"];
	        this.kind = source["kind"];
	        this.fields = this.convertValues(source["fields"], FieldChange);
	        this.statusFrom = source["statusFrom"];
	        this.statusTo = source["statusTo"];
	        this.files = source["files"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class FileReport {
	    path: string;
	    fileName: string;
	    hash: string;
	    status: string;
	    workbookId: string;
	    unitId: number;
	    unit: string;
	    rows: number;
	    new: number;
	    changed: number;
	    unchanged: number;
	    moved: number;
	    files: number;
	    changes: RowChange[];
	    problems: workbook.Problem[];
	    notes: workbook.Problem[];
	    batchId: number;
	
	    static createFrom(source: any = {}) {
	        return new FileReport(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.path = source["path"];
	        this.fileName = source["fileName"];
	        this.hash = source["hash"];
	        this.status = source["status"];
	        this.workbookId = source["workbookId"];
	        this.unitId = source["unitId"];
	        this.unit = source["unit"];
	        this.rows = source["rows"];
	        this.new = source["new"];
	        this.changed = source["changed"];
	        this.unchanged = source["unchanged"];
	        this.moved = source["moved"];
	        this.files = source["files"];
	        this.changes = this.convertValues(source["changes"], RowChange);
	        this.problems = this.convertValues(source["problems"], workbook.Problem);
	        this.notes = this.convertValues(source["notes"], workbook.Problem);
	        this.batchId = source["batchId"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ImportRequest {
	    paths: string[];
	    token: string;
	    password: string;
	
	    static createFrom(source: any = {}) {
	        return new ImportRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.paths = source["paths"];
	        this.token = source["token"];
	        this.password = source["password"];
	    }
	}
	export class Report {
	    token: string;
	    files: FileReport[];
	
	    static createFrom(source: any = {}) {
	        return new Report(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.token = source["token"];
	        this.files = this.convertValues(source["files"], FileReport);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	export class UndoResult {
	    batchId: number;
	    restored: number;
	    files: number;
	
	    static createFrom(source: any = {}) {
	        return new UndoResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.batchId = source["batchId"];
	        this.restored = source["restored"];
	        this.files = source["files"];
	    }
	}
	export class UnitChoice {
	    unitId: number;
	    unit: string;
	    shortName: string;
	    area: string;
	    open: number;
	    done: number;
	    overdue: number;
	
	    static createFrom(source: any = {}) {
	        return new UnitChoice(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.unitId = source["unitId"];
	        this.unit = source["unit"];
	        this.shortName = source["shortName"];
	        this.area = source["area"];
	        this.open = source["open"];
	        this.done = source["done"];
	        this.overdue = source["overdue"];
	    }
	}

}

export namespace notice {
	
	export class Placeholder {
	    name: string;
	    label: string;
	    list: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Placeholder(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.label = source["label"];
	        this.list = source["list"];
	    }
	}
	export class Preview {
	    title: string;
	    addressee: string;
	    body: docx.Paragraph[];
	    attachment: string;
	    note: string;
	    issuer: string;
	    date: string;
	
	    static createFrom(source: any = {}) {
	        return new Preview(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.title = source["title"];
	        this.addressee = source["addressee"];
	        this.body = this.convertValues(source["body"], docx.Paragraph);
	        this.attachment = source["attachment"];
	        this.note = source["note"];
	        this.issuer = source["issuer"];
	        this.date = source["date"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Template {
	    title: string;
	    addressee: string;
	    body: string;
	    attachment: string;
	    issuer: string;
	    order: string;
	    scores: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Template(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.title = source["title"];
	        this.addressee = source["addressee"];
	        this.body = source["body"];
	        this.attachment = source["attachment"];
	        this.issuer = source["issuer"];
	        this.order = source["order"];
	        this.scores = source["scores"];
	    }
	}

}

export namespace org {
	
	export class Area {
	    id: number;
	    number: number;
	    name: string;
	    leadUnitId?: number;
	    liaisonId?: number;
	    leaderId?: number;
	
	    static createFrom(source: any = {}) {
	        return new Area(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.number = source["number"];
	        this.name = source["name"];
	        this.leadUnitId = source["leadUnitId"];
	        this.liaisonId = source["liaisonId"];
	        this.leaderId = source["leaderId"];
	    }
	}
	export class AreaView {
	    id: number;
	    number: number;
	    name: string;
	    leadUnitId?: number;
	    liaisonId?: number;
	    leaderId?: number;
	    leadUnit: string;
	    liaison: string;
	    leader: string;
	    unitCount: number;
	
	    static createFrom(source: any = {}) {
	        return new AreaView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.number = source["number"];
	        this.name = source["name"];
	        this.leadUnitId = source["leadUnitId"];
	        this.liaisonId = source["liaisonId"];
	        this.leaderId = source["leaderId"];
	        this.leadUnit = source["leadUnit"];
	        this.liaison = source["liaison"];
	        this.leader = source["leader"];
	        this.unitCount = source["unitCount"];
	    }
	}
	export class Counts {
	    areas: number;
	    units: number;
	    people: number;
	
	    static createFrom(source: any = {}) {
	        return new Counts(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.areas = source["areas"];
	        this.units = source["units"];
	        this.people = source["people"];
	    }
	}
	export class Person {
	    id: number;
	    name: string;
	    unitId?: number;
	    title: string;
	    phone: string;
	
	    static createFrom(source: any = {}) {
	        return new Person(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.unitId = source["unitId"];
	        this.title = source["title"];
	        this.phone = source["phone"];
	    }
	}
	export class PersonFilter {
	    unitId: number;
	    query: string;
	
	    static createFrom(source: any = {}) {
	        return new PersonFilter(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.unitId = source["unitId"];
	        this.query = source["query"];
	    }
	}
	export class PersonView {
	    id: number;
	    name: string;
	    unitId?: number;
	    title: string;
	    phone: string;
	    unitName: string;
	
	    static createFrom(source: any = {}) {
	        return new PersonView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.unitId = source["unitId"];
	        this.title = source["title"];
	        this.phone = source["phone"];
	        this.unitName = source["unitName"];
	    }
	}
	export class Unit {
	    id: number;
	    name: string;
	    shortName: string;
	    areaId?: number;
	    orgType: string;
	    secretary: string;
	    memberCount: number;
	    sortOrder: number;
	
	    static createFrom(source: any = {}) {
	        return new Unit(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.shortName = source["shortName"];
	        this.areaId = source["areaId"];
	        this.orgType = source["orgType"];
	        this.secretary = source["secretary"];
	        this.memberCount = source["memberCount"];
	        this.sortOrder = source["sortOrder"];
	    }
	}
	export class UnitFilter {
	    areaId: number;
	    query: string;
	
	    static createFrom(source: any = {}) {
	        return new UnitFilter(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.areaId = source["areaId"];
	        this.query = source["query"];
	    }
	}
	export class UnitView {
	    id: number;
	    name: string;
	    shortName: string;
	    areaId?: number;
	    orgType: string;
	    secretary: string;
	    memberCount: number;
	    sortOrder: number;
	    areaName: string;
	    areaNumber: number;
	    peopleCount: number;
	
	    static createFrom(source: any = {}) {
	        return new UnitView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.shortName = source["shortName"];
	        this.areaId = source["areaId"];
	        this.orgType = source["orgType"];
	        this.secretary = source["secretary"];
	        this.memberCount = source["memberCount"];
	        this.sortOrder = source["sortOrder"];
	        this.areaName = source["areaName"];
	        this.areaNumber = source["areaNumber"];
	        this.peopleCount = source["peopleCount"];
	    }
	}

}

export namespace roster {
	
	export class Change {
	    kind: string;
	    name: string;
	    action: string;
	    detail: string;
	    sheet: string;
	    cell: string;
	
	    static createFrom(source: any = {}) {
	        return new Change(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.name = source["name"];
	        this.action = source["action"];
	        this.detail = source["detail"];
	        this.sheet = source["sheet"];
	        this.cell = source["cell"];
	    }
	}
	export class Tally {
	    created: number;
	    updated: number;
	    unchanged: number;
	
	    static createFrom(source: any = {}) {
	        return new Tally(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.created = source["created"];
	        this.updated = source["updated"];
	        this.unchanged = source["unchanged"];
	    }
	}
	export class Counts {
	    areas: Tally;
	    units: Tally;
	    people: Tally;
	
	    static createFrom(source: any = {}) {
	        return new Counts(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.areas = this.convertValues(source["areas"], Tally);
	        this.units = this.convertValues(source["units"], Tally);
	        this.people = this.convertValues(source["people"], Tally);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Plan {
	    file: string;
	    sheets: workbook.RosterSheet[];
	    counts: Counts;
	    total: Tally;
	    changes: Change[];
	    notes: workbook.Problem[];
	    problems: workbook.Problem[];
	    limits: workbook.Problem[];
	    applied: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Plan(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.file = source["file"];
	        this.sheets = this.convertValues(source["sheets"], workbook.RosterSheet);
	        this.counts = this.convertValues(source["counts"], Counts);
	        this.total = this.convertValues(source["total"], Tally);
	        this.changes = this.convertValues(source["changes"], Change);
	        this.notes = this.convertValues(source["notes"], workbook.Problem);
	        this.problems = this.convertValues(source["problems"], workbook.Problem);
	        this.limits = this.convertValues(source["limits"], workbook.Problem);
	        this.applied = source["applied"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

export namespace round {
	
	export class CopyOptions {
	    code: string;
	    title: string;
	    date: string;
	    units: string;
	
	    static createFrom(source: any = {}) {
	        return new CopyOptions(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.code = source["code"];
	        this.title = source["title"];
	        this.date = source["date"];
	        this.units = source["units"];
	    }
	}
	export class Event {
	    id: number;
	    roundId: number;
	    action: string;
	    note: string;
	    operator: string;
	    // Go type: time
	    at: any;
	
	    static createFrom(source: any = {}) {
	        return new Event(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.roundId = source["roundId"];
	        this.action = source["action"];
	        this.note = source["note"];
	        this.operator = source["operator"];
	        this.at = this.convertValues(source["at"], null);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class RaterRef {
	    id: number;
	    groupId: number;
	    personId: number;
	    name: string;
	    title: string;
	    unitId?: number;
	    unitName: string;
	    recused: number[];
	    recusedNames: string[];
	
	    static createFrom(source: any = {}) {
	        return new RaterRef(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.groupId = source["groupId"];
	        this.personId = source["personId"];
	        this.name = source["name"];
	        this.title = source["title"];
	        this.unitId = source["unitId"];
	        this.unitName = source["unitName"];
	        this.recused = source["recused"];
	        this.recusedNames = source["recusedNames"];
	    }
	}
	export class GroupDetail {
	    id: number;
	    roundId: number;
	    name: string;
	    weightBp: number;
	    sortOrder: number;
	    raters: RaterRef[];
	
	    static createFrom(source: any = {}) {
	        return new GroupDetail(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.roundId = source["roundId"];
	        this.name = source["name"];
	        this.weightBp = source["weightBp"];
	        this.sortOrder = source["sortOrder"];
	        this.raters = this.convertValues(source["raters"], RaterRef);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class UnitRef {
	    id: number;
	    name: string;
	    shortName: string;
	    areaName: string;
	    areaNumber: number;
	
	    static createFrom(source: any = {}) {
	        return new UnitRef(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.shortName = source["shortName"];
	        this.areaName = source["areaName"];
	        this.areaNumber = source["areaNumber"];
	    }
	}
	export class Detail {
	    id: number;
	    code: string;
	    title: string;
	    date: string;
	    place: string;
	    deadline: string;
	    schemeId: number;
	    status: string;
	    trimMinRaters: number;
	    excellentMinCenti: number;
	    goodMinCenti: number;
	    fairMinCenti: number;
	    excellentCapPct: number;
	    schemeName: string;
	    schemeVersion: number;
	    schemeStatus: string;
	    units: UnitRef[];
	    groups: GroupDetail[];
	    events: Event[];
	    scoreCount: number;
	
	    static createFrom(source: any = {}) {
	        return new Detail(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.code = source["code"];
	        this.title = source["title"];
	        this.date = source["date"];
	        this.place = source["place"];
	        this.deadline = source["deadline"];
	        this.schemeId = source["schemeId"];
	        this.status = source["status"];
	        this.trimMinRaters = source["trimMinRaters"];
	        this.excellentMinCenti = source["excellentMinCenti"];
	        this.goodMinCenti = source["goodMinCenti"];
	        this.fairMinCenti = source["fairMinCenti"];
	        this.excellentCapPct = source["excellentCapPct"];
	        this.schemeName = source["schemeName"];
	        this.schemeVersion = source["schemeVersion"];
	        this.schemeStatus = source["schemeStatus"];
	        this.units = this.convertValues(source["units"], UnitRef);
	        this.groups = this.convertValues(source["groups"], GroupDetail);
	        this.events = this.convertValues(source["events"], Event);
	        this.scoreCount = source["scoreCount"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class Group {
	    id: number;
	    roundId: number;
	    name: string;
	    weightBp: number;
	    sortOrder: number;
	
	    static createFrom(source: any = {}) {
	        return new Group(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.roundId = source["roundId"];
	        this.name = source["name"];
	        this.weightBp = source["weightBp"];
	        this.sortOrder = source["sortOrder"];
	    }
	}
	
	export class GroupPlan {
	    id: number;
	    name: string;
	    weightBp: number;
	    personIds: number[];
	
	    static createFrom(source: any = {}) {
	        return new GroupPlan(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.weightBp = source["weightBp"];
	        this.personIds = source["personIds"];
	    }
	}
	export class RecusalPlan {
	    personId: number;
	    unitIds: number[];
	
	    static createFrom(source: any = {}) {
	        return new RecusalPlan(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.personId = source["personId"];
	        this.unitIds = source["unitIds"];
	    }
	}
	export class Round {
	    id: number;
	    code: string;
	    title: string;
	    date: string;
	    place: string;
	    deadline: string;
	    schemeId: number;
	    status: string;
	    trimMinRaters: number;
	    excellentMinCenti: number;
	    goodMinCenti: number;
	    fairMinCenti: number;
	    excellentCapPct: number;
	
	    static createFrom(source: any = {}) {
	        return new Round(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.code = source["code"];
	        this.title = source["title"];
	        this.date = source["date"];
	        this.place = source["place"];
	        this.deadline = source["deadline"];
	        this.schemeId = source["schemeId"];
	        this.status = source["status"];
	        this.trimMinRaters = source["trimMinRaters"];
	        this.excellentMinCenti = source["excellentMinCenti"];
	        this.goodMinCenti = source["goodMinCenti"];
	        this.fairMinCenti = source["fairMinCenti"];
	        this.excellentCapPct = source["excellentCapPct"];
	    }
	}
	export class Plan {
	    round: Round;
	    unitIds: number[];
	    groups: GroupPlan[];
	    recused?: RecusalPlan[];
	
	    static createFrom(source: any = {}) {
	        return new Plan(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.round = this.convertValues(source["round"], Round);
	        this.unitIds = source["unitIds"];
	        this.groups = this.convertValues(source["groups"], GroupPlan);
	        this.recused = this.convertValues(source["recused"], RecusalPlan);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	
	export class SchemeChoice {
	    id: number;
	    name: string;
	    version: number;
	    year: number;
	
	    static createFrom(source: any = {}) {
	        return new SchemeChoice(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.version = source["version"];
	        this.year = source["year"];
	    }
	}
	export class Summary {
	    id: number;
	    code: string;
	    title: string;
	    date: string;
	    place: string;
	    deadline: string;
	    schemeId: number;
	    status: string;
	    trimMinRaters: number;
	    excellentMinCenti: number;
	    goodMinCenti: number;
	    fairMinCenti: number;
	    excellentCapPct: number;
	    schemeName: string;
	    schemeVersion: number;
	    unitCount: number;
	    raterCount: number;
	    scoreCount: number;
	
	    static createFrom(source: any = {}) {
	        return new Summary(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.code = source["code"];
	        this.title = source["title"];
	        this.date = source["date"];
	        this.place = source["place"];
	        this.deadline = source["deadline"];
	        this.schemeId = source["schemeId"];
	        this.status = source["status"];
	        this.trimMinRaters = source["trimMinRaters"];
	        this.excellentMinCenti = source["excellentMinCenti"];
	        this.goodMinCenti = source["goodMinCenti"];
	        this.fairMinCenti = source["fairMinCenti"];
	        this.excellentCapPct = source["excellentCapPct"];
	        this.schemeName = source["schemeName"];
	        this.schemeVersion = source["schemeVersion"];
	        this.unitCount = source["unitCount"];
	        this.raterCount = source["raterCount"];
	        this.scoreCount = source["scoreCount"];
	    }
	}

}

export namespace scheme {
	
	export class FieldChange {
	    field: string;
	    before: string;
	    after: string;
	
	    static createFrom(source: any = {}) {
	        return new FieldChange(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.field = source["field"];
	        this.before = source["before"];
	        this.after = source["after"];
	    }
	}
	export class Change {
	    status: string;
	    codeA: string;
	    codeB: string;
	    name: string;
	    level: number;
	    kind: string;
	    summary: string;
	    fields: FieldChange[];
	
	    static createFrom(source: any = {}) {
	        return new Change(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.status = source["status"];
	        this.codeA = source["codeA"];
	        this.codeB = source["codeB"];
	        this.name = source["name"];
	        this.level = source["level"];
	        this.kind = source["kind"];
	        this.summary = source["summary"];
	        this.fields = this.convertValues(source["fields"], FieldChange);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Issue {
	    code: string;
	    message: string;
	    warning: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Issue(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.code = source["code"];
	        this.message = source["message"];
	        this.warning = source["warning"];
	    }
	}
	export class Subtotal {
	    scoreCenti: number;
	    bonusCenti: number;
	    deductCenti: number;
	
	    static createFrom(source: any = {}) {
	        return new Subtotal(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.scoreCenti = source["scoreCenti"];
	        this.bonusCenti = source["bonusCenti"];
	        this.deductCenti = source["deductCenti"];
	    }
	}
	export class Option {
	    id: number;
	    indicatorId: number;
	    sortOrder: number;
	    label: string;
	    pointsCenti: number;
	
	    static createFrom(source: any = {}) {
	        return new Option(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.indicatorId = source["indicatorId"];
	        this.sortOrder = source["sortOrder"];
	        this.label = source["label"];
	        this.pointsCenti = source["pointsCenti"];
	    }
	}
	export class Indicator {
	    id: number;
	    schemeId: number;
	    parentId?: number;
	    level: number;
	    sortOrder: number;
	    code: string;
	    name: string;
	    points: string;
	    method: string;
	    kind: string;
	    maxCenti: number;
	    stepCenti: number;
	    options: Option[];
	    subtotal: Subtotal;
	
	    static createFrom(source: any = {}) {
	        return new Indicator(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.schemeId = source["schemeId"];
	        this.parentId = source["parentId"];
	        this.level = source["level"];
	        this.sortOrder = source["sortOrder"];
	        this.code = source["code"];
	        this.name = source["name"];
	        this.points = source["points"];
	        this.method = source["method"];
	        this.kind = source["kind"];
	        this.maxCenti = source["maxCenti"];
	        this.stepCenti = source["stepCenti"];
	        this.options = this.convertValues(source["options"], Option);
	        this.subtotal = this.convertValues(source["subtotal"], Subtotal);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Scheme {
	    id: number;
	    name: string;
	    year: number;
	    version: number;
	    status: string;
	    baseTotalCenti: number;
	    parentId?: number;
	    // Go type: time
	    publishedAt?: any;
	    // Go type: time
	    createdAt: any;
	    // Go type: time
	    updatedAt: any;
	
	    static createFrom(source: any = {}) {
	        return new Scheme(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.year = source["year"];
	        this.version = source["version"];
	        this.status = source["status"];
	        this.baseTotalCenti = source["baseTotalCenti"];
	        this.parentId = source["parentId"];
	        this.publishedAt = this.convertValues(source["publishedAt"], null);
	        this.createdAt = this.convertValues(source["createdAt"], null);
	        this.updatedAt = this.convertValues(source["updatedAt"], null);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Detail {
	    scheme: Scheme;
	    indicators: Indicator[];
	    total: Subtotal;
	    issues: Issue[];
	
	    static createFrom(source: any = {}) {
	        return new Detail(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.scheme = this.convertValues(source["scheme"], Scheme);
	        this.indicators = this.convertValues(source["indicators"], Indicator);
	        this.total = this.convertValues(source["total"], Subtotal);
	        this.issues = this.convertValues(source["issues"], Issue);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class DiffCounts {
	    same: number;
	    added: number;
	    removed: number;
	    changed: number;
	    moved: number;
	
	    static createFrom(source: any = {}) {
	        return new DiffCounts(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.same = source["same"];
	        this.added = source["added"];
	        this.removed = source["removed"];
	        this.changed = source["changed"];
	        this.moved = source["moved"];
	    }
	}
	export class Diff {
	    a: Scheme;
	    b: Scheme;
	    totalA: Subtotal;
	    totalB: Subtotal;
	    changes: Change[];
	    counts: DiffCounts;
	
	    static createFrom(source: any = {}) {
	        return new Diff(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.a = this.convertValues(source["a"], Scheme);
	        this.b = this.convertValues(source["b"], Scheme);
	        this.totalA = this.convertValues(source["totalA"], Subtotal);
	        this.totalB = this.convertValues(source["totalB"], Subtotal);
	        this.changes = this.convertValues(source["changes"], Change);
	        this.counts = this.convertValues(source["counts"], DiffCounts);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	export class ImportResult {
	    scheme: Scheme;
	    base?: Scheme;
	    created: number;
	    updated: number;
	    unchanged: number;
	    removed: number;
	    written: boolean;
	    total: Subtotal;
	
	    static createFrom(source: any = {}) {
	        return new ImportResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.scheme = this.convertValues(source["scheme"], Scheme);
	        this.base = this.convertValues(source["base"], Scheme);
	        this.created = source["created"];
	        this.updated = source["updated"];
	        this.unchanged = source["unchanged"];
	        this.removed = source["removed"];
	        this.written = source["written"];
	        this.total = this.convertValues(source["total"], Subtotal);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	
	
	
	export class Summary {
	    id: number;
	    name: string;
	    year: number;
	    version: number;
	    status: string;
	    baseTotalCenti: number;
	    parentId?: number;
	    // Go type: time
	    publishedAt?: any;
	    // Go type: time
	    createdAt: any;
	    // Go type: time
	    updatedAt: any;
	    total: Subtotal;
	    dimensionCount: number;
	    indicatorCount: number;
	    problemCount: number;
	    warningCount: number;
	
	    static createFrom(source: any = {}) {
	        return new Summary(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.year = source["year"];
	        this.version = source["version"];
	        this.status = source["status"];
	        this.baseTotalCenti = source["baseTotalCenti"];
	        this.parentId = source["parentId"];
	        this.publishedAt = this.convertValues(source["publishedAt"], null);
	        this.createdAt = this.convertValues(source["createdAt"], null);
	        this.updatedAt = this.convertValues(source["updatedAt"], null);
	        this.total = this.convertValues(source["total"], Subtotal);
	        this.dimensionCount = source["dimensionCount"];
	        this.indicatorCount = source["indicatorCount"];
	        this.problemCount = source["problemCount"];
	        this.warningCount = source["warningCount"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

export namespace score {
	
	export class Adjustment {
	    id: number;
	    roundId: number;
	    unitId: number;
	    unitName: string;
	    reason: string;
	    pointsCenti: number;
	    verifiedBy: string;
	    brandId?: number;
	    // Go type: time
	    createdAt: any;
	
	    static createFrom(source: any = {}) {
	        return new Adjustment(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.roundId = source["roundId"];
	        this.unitId = source["unitId"];
	        this.unitName = source["unitName"];
	        this.reason = source["reason"];
	        this.pointsCenti = source["pointsCenti"];
	        this.verifiedBy = source["verifiedBy"];
	        this.brandId = source["brandId"];
	        this.createdAt = this.convertValues(source["createdAt"], null);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class AdjustmentInput {
	    unitId: number;
	    pointsCenti: number;
	    reason: string;
	
	    static createFrom(source: any = {}) {
	        return new AdjustmentInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.unitId = source["unitId"];
	        this.pointsCenti = source["pointsCenti"];
	        this.reason = source["reason"];
	    }
	}
	export class CellInput {
	    unitId: number;
	    indicatorId: number;
	    text: string;
	
	    static createFrom(source: any = {}) {
	        return new CellInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.unitId = source["unitId"];
	        this.indicatorId = source["indicatorId"];
	        this.text = source["text"];
	    }
	}
	export class CellResult {
	    unitId: number;
	    indicatorId: number;
	    ok: boolean;
	    blank: boolean;
	    valueCenti: number;
	    message: string;
	
	    static createFrom(source: any = {}) {
	        return new CellResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.unitId = source["unitId"];
	        this.indicatorId = source["indicatorId"];
	        this.ok = source["ok"];
	        this.blank = source["blank"];
	        this.valueCenti = source["valueCenti"];
	        this.message = source["message"];
	    }
	}
	export class Choice {
	    label: string;
	    points: number;
	
	    static createFrom(source: any = {}) {
	        return new Choice(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.label = source["label"];
	        this.points = source["points"];
	    }
	}
	export class DimensionScore {
	    name: string;
	    meanCenti: number;
	    maxCenti: number;
	
	    static createFrom(source: any = {}) {
	        return new DimensionScore(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.meanCenti = source["meanCenti"];
	        this.maxCenti = source["maxCenti"];
	    }
	}
	export class UnitProgress {
	    id: number;
	    name: string;
	    shortName: string;
	    areaName: string;
	    areaNumber: number;
	    barred: boolean;
	    missing: number;
	    complete: boolean;
	    total: number;
	
	    static createFrom(source: any = {}) {
	        return new UnitProgress(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.shortName = source["shortName"];
	        this.areaName = source["areaName"];
	        this.areaNumber = source["areaNumber"];
	        this.barred = source["barred"];
	        this.missing = source["missing"];
	        this.complete = source["complete"];
	        this.total = source["total"];
	    }
	}
	export class EnterResult {
	    cells: CellResult[];
	    units: UnitProgress[];
	    complete: number;
	    expected: number;
	
	    static createFrom(source: any = {}) {
	        return new EnterResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.cells = this.convertValues(source["cells"], CellResult);
	        this.units = this.convertValues(source["units"], UnitProgress);
	        this.complete = source["complete"];
	        this.expected = source["expected"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Value {
	    unitId: number;
	    indicatorId: number;
	    valueCenti: number;
	    comment: string;
	    source: string;
	    enteredBy: string;
	    fileName: string;
	    cell: string;
	
	    static createFrom(source: any = {}) {
	        return new Value(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.unitId = source["unitId"];
	        this.indicatorId = source["indicatorId"];
	        this.valueCenti = source["valueCenti"];
	        this.comment = source["comment"];
	        this.source = source["source"];
	        this.enteredBy = source["enteredBy"];
	        this.fileName = source["fileName"];
	        this.cell = source["cell"];
	    }
	}
	export class Indicator {
	    id: number;
	    kind: string;
	    max: number;
	    step: number;
	    options: Choice[];
	    code: string;
	    name: string;
	    dimension: string;
	    parent: string;
	    points: string;
	    method: string;
	    rangeMessage: string;
	
	    static createFrom(source: any = {}) {
	        return new Indicator(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.kind = source["kind"];
	        this.max = source["max"];
	        this.step = source["step"];
	        this.options = this.convertValues(source["options"], Choice);
	        this.code = source["code"];
	        this.name = source["name"];
	        this.dimension = source["dimension"];
	        this.parent = source["parent"];
	        this.points = source["points"];
	        this.method = source["method"];
	        this.rangeMessage = source["rangeMessage"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Grid {
	    roundId: number;
	    code: string;
	    title: string;
	    status: string;
	    rater: round.RaterRef;
	    group: string;
	    indicators: Indicator[];
	    units: UnitProgress[];
	    values: Value[];
	    complete: number;
	    expected: number;
	
	    static createFrom(source: any = {}) {
	        return new Grid(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.roundId = source["roundId"];
	        this.code = source["code"];
	        this.title = source["title"];
	        this.status = source["status"];
	        this.rater = this.convertValues(source["rater"], round.RaterRef);
	        this.group = source["group"];
	        this.indicators = this.convertValues(source["indicators"], Indicator);
	        this.units = this.convertValues(source["units"], UnitProgress);
	        this.values = this.convertValues(source["values"], Value);
	        this.complete = source["complete"];
	        this.expected = source["expected"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class GroupScore {
	    name: string;
	    weightBp: number;
	    present: boolean;
	    scoreCenti: number;
	    complete: number;
	    expected: number;
	    trimmed: boolean;
	
	    static createFrom(source: any = {}) {
	        return new GroupScore(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.weightBp = source["weightBp"];
	        this.present = source["present"];
	        this.scoreCenti = source["scoreCenti"];
	        this.complete = source["complete"];
	        this.expected = source["expected"];
	        this.trimmed = source["trimmed"];
	    }
	}
	export class History {
	    id: number;
	    roundId: number;
	    raterId: number;
	    unitId: number;
	    indicatorId: number;
	    oldValueCenti?: number;
	    newValueCenti?: number;
	    oldComment: string;
	    newComment: string;
	    source: string;
	    enteredBy: string;
	    batchId?: number;
	    fileName: string;
	    fileHash: string;
	    sheet: string;
	    cell: string;
	    // Go type: time
	    changedAt: any;
	
	    static createFrom(source: any = {}) {
	        return new History(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.roundId = source["roundId"];
	        this.raterId = source["raterId"];
	        this.unitId = source["unitId"];
	        this.indicatorId = source["indicatorId"];
	        this.oldValueCenti = source["oldValueCenti"];
	        this.newValueCenti = source["newValueCenti"];
	        this.oldComment = source["oldComment"];
	        this.newComment = source["newComment"];
	        this.source = source["source"];
	        this.enteredBy = source["enteredBy"];
	        this.batchId = source["batchId"];
	        this.fileName = source["fileName"];
	        this.fileHash = source["fileHash"];
	        this.sheet = source["sheet"];
	        this.cell = source["cell"];
	        this.changedAt = this.convertValues(source["changedAt"], null);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class IndicatorResult {
	    id: number;
	    kind: string;
	    max: number;
	    step: number;
	    options: Choice[];
	    code: string;
	    name: string;
	    dimension: string;
	    parent: string;
	    points: string;
	    method: string;
	    rangeMessage: string;
	    n: number;
	    meanCenti: number;
	    meanLostCenti: number;
	
	    static createFrom(source: any = {}) {
	        return new IndicatorResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.kind = source["kind"];
	        this.max = source["max"];
	        this.step = source["step"];
	        this.options = this.convertValues(source["options"], Choice);
	        this.code = source["code"];
	        this.name = source["name"];
	        this.dimension = source["dimension"];
	        this.parent = source["parent"];
	        this.points = source["points"];
	        this.method = source["method"];
	        this.rangeMessage = source["rangeMessage"];
	        this.n = source["n"];
	        this.meanCenti = source["meanCenti"];
	        this.meanLostCenti = source["meanLostCenti"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Key {
	    roundId: number;
	    raterId: number;
	    unitId: number;
	    indicatorId: number;
	
	    static createFrom(source: any = {}) {
	        return new Key(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.roundId = source["roundId"];
	        this.raterId = source["raterId"];
	        this.unitId = source["unitId"];
	        this.indicatorId = source["indicatorId"];
	    }
	}
	export class MissingUnit {
	    name: string;
	    complete: number;
	    expected: number;
	    items: number;
	
	    static createFrom(source: any = {}) {
	        return new MissingUnit(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.complete = source["complete"];
	        this.expected = source["expected"];
	        this.items = source["items"];
	    }
	}
	export class MissingRater {
	    name: string;
	    group: string;
	    complete: number;
	    expected: number;
	
	    static createFrom(source: any = {}) {
	        return new MissingRater(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.group = source["group"];
	        this.complete = source["complete"];
	        this.expected = source["expected"];
	    }
	}
	export class Missing {
	    code: string;
	    raters: MissingRater[];
	    units: MissingUnit[];
	    sheets: number;
	    items: number;
	
	    static createFrom(source: any = {}) {
	        return new Missing(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.code = source["code"];
	        this.raters = this.convertValues(source["raters"], MissingRater);
	        this.units = this.convertValues(source["units"], MissingUnit);
	        this.sheets = source["sheets"];
	        this.items = source["items"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	export class RaterProgress {
	    id: number;
	    groupId: number;
	    personId: number;
	    name: string;
	    title: string;
	    unitId?: number;
	    unitName: string;
	    recused: number[];
	    recusedNames: string[];
	    group: string;
	    complete: number;
	    expected: number;
	    filled: number;
	
	    static createFrom(source: any = {}) {
	        return new RaterProgress(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.groupId = source["groupId"];
	        this.personId = source["personId"];
	        this.name = source["name"];
	        this.title = source["title"];
	        this.unitId = source["unitId"];
	        this.unitName = source["unitName"];
	        this.recused = source["recused"];
	        this.recusedNames = source["recusedNames"];
	        this.group = source["group"];
	        this.complete = source["complete"];
	        this.expected = source["expected"];
	        this.filled = source["filled"];
	    }
	}
	export class RaterResult {
	    id: number;
	    groupId: number;
	    personId: number;
	    name: string;
	    title: string;
	    unitId?: number;
	    unitName: string;
	    recused: number[];
	    recusedNames: string[];
	    group: string;
	    units: number;
	    meanDeviationCenti: number;
	    meanAbsDeviationCenti: number;
	    flagged: boolean;
	
	    static createFrom(source: any = {}) {
	        return new RaterResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.groupId = source["groupId"];
	        this.personId = source["personId"];
	        this.name = source["name"];
	        this.title = source["title"];
	        this.unitId = source["unitId"];
	        this.unitName = source["unitName"];
	        this.recused = source["recused"];
	        this.recusedNames = source["recusedNames"];
	        this.group = source["group"];
	        this.units = source["units"];
	        this.meanDeviationCenti = source["meanDeviationCenti"];
	        this.meanAbsDeviationCenti = source["meanAbsDeviationCenti"];
	        this.flagged = source["flagged"];
	    }
	}
	export class UnitResult {
	    id: number;
	    name: string;
	    shortName: string;
	    areaName: string;
	    areaNumber: number;
	    scored: boolean;
	    finalCenti: number;
	    rank: number;
	    grade: string;
	    capped: boolean;
	    complete: boolean;
	    completeN: number;
	    expected: number;
	    adjustCenti: number;
	    adjustments: Adjustment[];
	    renormalised: boolean;
	    provisional: boolean;
	    groups: GroupScore[];
	    dimensions: DimensionScore[];
	
	    static createFrom(source: any = {}) {
	        return new UnitResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.shortName = source["shortName"];
	        this.areaName = source["areaName"];
	        this.areaNumber = source["areaNumber"];
	        this.scored = source["scored"];
	        this.finalCenti = source["finalCenti"];
	        this.rank = source["rank"];
	        this.grade = source["grade"];
	        this.capped = source["capped"];
	        this.complete = source["complete"];
	        this.completeN = source["completeN"];
	        this.expected = source["expected"];
	        this.adjustCenti = source["adjustCenti"];
	        this.adjustments = this.convertValues(source["adjustments"], Adjustment);
	        this.renormalised = source["renormalised"];
	        this.provisional = source["provisional"];
	        this.groups = this.convertValues(source["groups"], GroupScore);
	        this.dimensions = this.convertValues(source["dimensions"], DimensionScore);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Results {
	    roundId: number;
	    code: string;
	    title: string;
	    date: string;
	    status: string;
	    schemeName: string;
	    provisional: boolean;
	    excellentCapPct: number;
	    groups: round.Group[];
	    units: UnitResult[];
	    indicators: IndicatorResult[];
	    raters: RaterResult[];
	
	    static createFrom(source: any = {}) {
	        return new Results(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.roundId = source["roundId"];
	        this.code = source["code"];
	        this.title = source["title"];
	        this.date = source["date"];
	        this.status = source["status"];
	        this.schemeName = source["schemeName"];
	        this.provisional = source["provisional"];
	        this.excellentCapPct = source["excellentCapPct"];
	        this.groups = this.convertValues(source["groups"], round.Group);
	        this.units = this.convertValues(source["units"], UnitResult);
	        this.indicators = this.convertValues(source["indicators"], IndicatorResult);
	        this.raters = this.convertValues(source["raters"], RaterResult);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class TrendPoint {
	    code: string;
	    title: string;
	    date: string;
	    finalCenti: number;
	    rank: number;
	    units: number;
	    grade: string;
	
	    static createFrom(source: any = {}) {
	        return new TrendPoint(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.code = source["code"];
	        this.title = source["title"];
	        this.date = source["date"];
	        this.finalCenti = source["finalCenti"];
	        this.rank = source["rank"];
	        this.units = source["units"];
	        this.grade = source["grade"];
	    }
	}
	
	

}

export namespace scoring {
	
	export class Option {
	    label: string;
	    points: number;
	
	    static createFrom(source: any = {}) {
	        return new Option(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.label = source["label"];
	        this.points = source["points"];
	    }
	}
	export class Indicator {
	    id: number;
	    kind: string;
	    max: number;
	    step: number;
	    options?: Option[];
	
	    static createFrom(source: any = {}) {
	        return new Indicator(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.kind = source["kind"];
	        this.max = source["max"];
	        this.step = source["step"];
	        this.options = this.convertValues(source["options"], Option);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

export namespace search {
	
	export class Hit {
	    kind: string;
	    id: number;
	    title: string;
	    detail: string;
	
	    static createFrom(source: any = {}) {
	        return new Hit(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.id = source["id"];
	        this.title = source["title"];
	        this.detail = source["detail"];
	    }
	}
	export class Results {
	    hits: Hit[];
	    total: number;
	
	    static createFrom(source: any = {}) {
	        return new Results(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.hits = this.convertValues(source["hits"], Hit);
	        this.total = source["total"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

export namespace workbook {
	
	export class LedgerSheet {
	    sheet: string;
	    kind: string;
	    headerRow: number;
	    rows: number;
	
	    static createFrom(source: any = {}) {
	        return new LedgerSheet(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.sheet = source["sheet"];
	        this.kind = source["kind"];
	        this.headerRow = source["headerRow"];
	        this.rows = source["rows"];
	    }
	}
	export class Problem {
	    sheet: string;
	    cell: string;
	    message: string;
	
	    static createFrom(source: any = {}) {
	        return new Problem(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.sheet = source["sheet"];
	        this.cell = source["cell"];
	        this.message = source["message"];
	    }
	}
	export class RosterColumn {
	    index: number;
	    letter: string;
	    title: string;
	
	    static createFrom(source: any = {}) {
	        return new RosterColumn(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.index = source["index"];
	        this.letter = source["letter"];
	        this.title = source["title"];
	    }
	}
	export class RosterField {
	    key: string;
	    label: string;
	    required: boolean;
	    aliases: string[];
	
	    static createFrom(source: any = {}) {
	        return new RosterField(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.key = source["key"];
	        this.label = source["label"];
	        this.required = source["required"];
	        this.aliases = source["aliases"];
	    }
	}
	export class RosterSheetMapping {
	    sheet: string;
	    kind: string;
	    headerRow: number;
	    columns: {[key: string]: number};
	
	    static createFrom(source: any = {}) {
	        return new RosterSheetMapping(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.sheet = source["sheet"];
	        this.kind = source["kind"];
	        this.headerRow = source["headerRow"];
	        this.columns = source["columns"];
	    }
	}
	export class RosterMapping {
	    sheets: RosterSheetMapping[];
	
	    static createFrom(source: any = {}) {
	        return new RosterMapping(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.sheets = this.convertValues(source["sheets"], RosterSheetMapping);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class RosterSampleRow {
	    row: number;
	    values: {[key: string]: string};
	
	    static createFrom(source: any = {}) {
	        return new RosterSampleRow(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.row = source["row"];
	        this.values = source["values"];
	    }
	}
	export class RosterSheet {
	    mapping: RosterSheetMapping;
	    titles: RosterColumn[];
	    fields: RosterField[];
	    sample: RosterSampleRow[];
	    dataRows: number;
	
	    static createFrom(source: any = {}) {
	        return new RosterSheet(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.mapping = this.convertValues(source["mapping"], RosterSheetMapping);
	        this.titles = this.convertValues(source["titles"], RosterColumn);
	        this.fields = this.convertValues(source["fields"], RosterField);
	        this.sample = this.convertValues(source["sample"], RosterSampleRow);
	        this.dataRows = source["dataRows"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class Table {
	    title: string;
	    headers: string[];
	    rows: string[][];
	
	    static createFrom(source: any = {}) {
	        return new Table(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.title = source["title"];
	        this.headers = source["headers"];
	        this.rows = source["rows"];
	    }
	}

}

