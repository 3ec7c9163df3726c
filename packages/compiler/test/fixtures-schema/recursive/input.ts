interface TreeNode {
  value: number;
  children: TreeNode[];
}

interface Department {
  name: string;
  head?: Employee;
}

interface Employee {
  name: string;
  department: Department;
}

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

export interface Subject {
  tree: TreeNode;
  employee: Employee;
  payload: Json;
}
