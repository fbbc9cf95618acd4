export namespace app {
	
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

